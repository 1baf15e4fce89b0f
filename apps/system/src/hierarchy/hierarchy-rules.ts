import { DomainError, HIERARCHY_PARENT_KINDS } from '@app/contracts';
import type { HierarchyKind } from '@app/contracts';

/** Refuses a node of `kind` under a parent of `parentKind` (`null`: at the root) that the kinds do not allow. */
export function assertParentKindAllowed(kind: HierarchyKind, parentKind: HierarchyKind | null): void {
  const allowed = HIERARCHY_PARENT_KINDS[kind];
  if (allowed.includes(parentKind)) return;
  const where = parentKind === null ? 'at the root' : `under a ${parentKind}`;
  const expected = allowed.map((k) => (k === null ? 'the root' : k)).join(', ');
  throw new DomainError('VALIDATION_FAILED', `A ${kind} cannot be placed ${where}`, [{ field: 'parentId', message: `a ${kind} belongs under: ${expected}` }]);
}

/** Refuses moving a node under itself or one of its descendants (its path is a prefix of theirs). */
export function assertNotIntoOwnSubtree(nodePath: string, newParentPath: string): void {
  if (!newParentPath.startsWith(nodePath)) return;
  throw new DomainError('VALIDATION_FAILED', 'A node cannot be moved under itself or its own descendant', [{ field: 'parentId', message: 'is the node or one of its descendants' }]);
}
