import type { KeyboardEvent } from 'react';

/** Arrow keys, Home and End step through `count` frames; returns the handler for the focusable wrapper. */
export function stepKeys(index: number, count: number, go: (next: number) => void, extra?: (e: KeyboardEvent) => boolean) {
  return (e: KeyboardEvent) => {
    if (extra?.(e)) return;
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? index + 1
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? index - 1
        : e.key === 'Home' ? 0
          : e.key === 'End' ? count - 1
            : null;
    if (next === null) return;
    e.preventDefault();
    go(Math.max(0, Math.min(count - 1, next)));
  };
}
