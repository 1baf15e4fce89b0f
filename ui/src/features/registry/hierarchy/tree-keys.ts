import type { KeyboardEvent } from 'react';

/**
 * Arrow keys over the visible tree items (WAI-ARIA tree pattern, simplified): Up/Down move between nodes,
 * Right expands, Left collapses, Home/End jump to the first/last node. Enter/Space select (they are buttons).
 */
export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-testid="tree-select"]')];
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const item = items[index].closest('[role="treeitem"]');
  const toggle = item?.querySelector<HTMLButtonElement>(':scope > div [data-testid="tree-toggle"]');
  const expanded = item?.getAttribute('aria-expanded') === 'true';
  const focus = (i: number) => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
  switch (event.key) {
    case 'ArrowDown':
      focus(index + 1);
      break;
    case 'ArrowUp':
      focus(index - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(items.length - 1);
      break;
    case 'ArrowRight':
      if (!expanded) toggle?.click();
      else focus(index + 1);
      break;
    case 'ArrowLeft':
      if (expanded) toggle?.click();
      else item?.parentElement?.closest('[role="treeitem"]')?.querySelector<HTMLButtonElement>('[data-testid="tree-select"]')?.focus();
      break;
    default:
      return;
  }
  event.preventDefault();
}
