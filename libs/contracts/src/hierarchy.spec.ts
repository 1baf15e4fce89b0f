import { HIERARCHY_KINDS, HIERARCHY_PARENT_KINDS } from './hierarchy';

describe('hierarchy kinds', () => {
  it('names only known kinds as parents, and every kind has a way to the root', () => {
    for (const kind of HIERARCHY_KINDS) {
      for (const parent of HIERARCHY_PARENT_KINDS[kind]) if (parent !== null) expect(HIERARCHY_KINDS).toContain(parent);
      const seen = new Set<string>();
      const reachesRoot = (k: (typeof HIERARCHY_KINDS)[number]): boolean => {
        if (seen.has(k)) return false;
        seen.add(k);
        return HIERARCHY_PARENT_KINDS[k].some((p) => p === null || reachesRoot(p));
      };
      expect({ kind, reachesRoot: reachesRoot(kind) }).toEqual({ kind, reachesRoot: true });
    }
  });
});
