import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { episodeTarget, type EpisodeAt } from '@/components/episodes/episode-at';
import type { Selection } from '@/components/live-grid/navigation';
import type { DrawerTab } from './drawer-tabs';
import { LIVE_VIEW, type UrlState } from './url-state';
import { currentUrlState, type HistoryMode } from './use-url-state';

export interface SelectionControls {
  /** the highlighted cell: the open host's (from the URL), else the last pick */
  selection: Selection | null;
  /** the drawer tab open, if any */
  tab: DrawerTab | null;
  setPicked: (s: Selection | null) => void;
  pick: (host: number, slot: number | null) => void;
  /** from the requests table: select in the grid, keep the table open */
  selectRequest: (host: number, slot: number) => void;
  selectSlot: (slot: number) => void;
  openEpisode: (at: EpisodeAt) => void;
  /** go to read `seq` with host and slot selected (a request's step, an episode) */
  openAt: (seq: number, host: number, slot: number | null) => void;
  openTab: (tab: DrawerTab) => void;
  closeDrawer: () => void;
  chooseSource: (id: string) => void;
}

/** What is selected and which drawer is open: the URL owns both, so every view has a link. */
export function useSelection(url: UrlState, go: (next: UrlState, mode: HistoryMode) => void): SelectionControls {
  const [picked, setPicked] = useState<Selection | null>(null);
  const selection = useMemo<Selection | null>(
    () => (url.host !== null ? { host: url.host, slot: url.slot } : picked),
    [url.host, url.slot, picked],
  );
  const tab: DrawerTab | null = url.panel ?? (url.host !== null ? 'detail' : null);

  const latest = useRef({ selection, tab });
  useEffect(() => {
    latest.current = { selection, tab };
  });

  const closeDrawer = useCallback(() => {
    setPicked(latest.current.selection);
    go({ ...currentUrlState(), host: null, slot: null, panel: null }, 'push');
  }, [go]);

  return useMemo(() => ({
    selection, tab, setPicked, closeDrawer,
    pick(host, slot) {
      setPicked({ host, slot });
      go({ ...currentUrlState(), host, slot, panel: null }, 'push');
    },
    selectRequest(host, slot) {
      setPicked({ host, slot });
      go({ ...currentUrlState(), host, slot }, 'push');
    },
    selectSlot(slot) {
      const now = currentUrlState();
      if (now.host === null) return;
      setPicked({ host: now.host, slot });
      go({ ...now, slot }, 'replace');
    },
    openEpisode(at) {
      const { host } = at.episode;
      setPicked({ host, slot: null });
      go({ ...currentUrlState(), seq: episodeTarget(at.episode), host, slot: null, panel: null }, 'push');
    },
    openAt(seq, host, slot) {
      setPicked({ host, slot });
      go({ ...currentUrlState(), seq, host, slot, panel: null }, 'push');
    },
    openTab(next) {
      const now = currentUrlState();
      const { selection: sel, tab: open } = latest.current;
      if (next === open) return closeDrawer();
      if (next !== 'detail') return go({ ...now, panel: next }, 'push');
      const host = now.host ?? sel?.host ?? null;
      if (host !== null) go({ ...now, host, slot: now.host === null ? sel?.slot ?? null : now.slot, panel: null }, 'push');
    },
    chooseSource(id) {
      setPicked(null);
      go({ ...LIVE_VIEW, source: id }, 'push');
    },
  }), [selection, tab, go, closeDrawer]);
}
