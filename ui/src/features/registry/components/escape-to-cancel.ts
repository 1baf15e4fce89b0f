import type { KeyboardEvent } from 'react';

/** `onKeyDown` for a form: Escape cancels it (the keyboard twin of its Cancel button). */
export function escapeToCancel(onCancel: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
}
