import { useEffect, useRef } from 'react';

/** Keys typed into a form control or with a modifier belong to the browser, not to us. */
function ignored(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // Enter and Space on a focused button are the button's.
  return (event.key === 'Enter' || event.key === ' ') && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/** Calls the latest handler for every key press on the page; the handler returns true when it used the key. */
export function useShortcuts(handler: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
