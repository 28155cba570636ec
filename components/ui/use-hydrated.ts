import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False while the page is rendered on the server and while the browser
 * hydrates it, true after: what depends on the browser's clock or time zone
 * waits for it, so the page hydrates to the very markup the server sent.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
