import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseUrlState, searchOf, type UrlState } from './url-state';

export type HistoryMode = 'push' | 'replace';

/** The URL right now: a key pressed just after a click must see the click's URL, not the last render's. */
export function currentUrlState(): UrlState {
  return parseUrlState(new URLSearchParams(window.location.search));
}

/** The URL as state. Writes go through the History API, which Next's router follows without a reload. */
export function useUrlState(): [UrlState, (next: UrlState, mode: HistoryMode) => void] {
  const params = useSearchParams();
  const state = useMemo(() => parseUrlState(params), [params]);
  const go = useCallback((next: UrlState, mode: HistoryMode) => {
    const url = searchOf(next) || window.location.pathname;
    if (url === window.location.search) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  return [state, go];
}
