'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { episodesAt } from '@/components/episodes/episode-at';
import { firstScreenModel, type FirstScreen } from '@/components/live-grid/first-screen';
import { LiveGrid } from '@/components/live-grid/live-grid';
import { gridView, type GridView } from '@/components/live-grid/visible-rows';
import { requestsAt } from '@/components/requests/requests-at';
import { stuckSlotsByHost } from '@/components/requests/stuck';
import { TimelineStrip } from '@/components/timeline/timeline-strip';
import { HostNamesProvider } from '@/components/ui/host-names';
import { HydrationMark } from '@/components/ui/hydration-mark';
import { Legend } from '@/components/vocabulary/legend';
import { shownSource } from '@/lib/api/source-info';
import type { SourceInfo } from '@/lib/api/types';
import { DEFAULT_STUCK_S } from '@/lib/history/defaults';
import { hostNamesFromJson, mergeHostNames, type HostNames } from '@/lib/sources/host-names';
import { ExportBar } from './export-bar';
import { InspectorDrawer } from './inspector-drawer';
import { InspectorHeader, readFailed } from './inspector-header';
import { PausedBanner } from './paused-banner';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StaleVolumes } from './stale-volumes';
import { TimeTravelBanner } from './time-travel-banner';
import { useEpisodes, useHistory, useLiveSnapshot, useMailbox, useRequests, useSources } from './use-data';
import { useFramesAfter } from './use-frames-after';
import { useInspectorKeys } from './use-inspector-keys';
import { usePause, useReadOnScreen } from './use-read-on-screen';
import { useSelection } from './use-selection';
import { useTimeTravel } from './use-time-travel';
import { useUrlState } from './use-url-state';

const NO_ROWS: GridView = { rows: [], folded: [], filtered: 0 };

/**
 * The page: source header, the grid, the timeline, and a drawer with the open
 * host's bytes, the requests or the checksum episodes. Every panel shows one
 * read: the latest, the one frozen by a pause, or one chosen on the timeline.
 */
export interface InspectorProps {
  /** opened files: what the header says of them instead of the read's freshness */
  filesHeader?: (source: SourceInfo | null) => ReactNode;
  /** opened files: the panel under the header (the files, their order, a trace's replay controls) */
  panel?: ReactNode;
  /** names of host ids learnt beside the source (opened vdsm logs); the source's own names win */
  hostNames?: HostNames;
  /** the live page: the sources and first rows it was rendered with (first-screen.ts) */
  first?: FirstScreen;
}

const NO_NAMES: HostNames = new Map();

export function Inspector({ filesHeader, panel, hostNames = NO_NAMES, first }: InspectorProps = {}) {
  const [url, go] = useUrlState();
  const sources = useSources(first?.sources);
  const list = sources.data?.sources ?? [];
  const source = shownSource(list, url.source);
  const sourceNames = source?.hostNames;
  const names = useMemo(() => mergeHostNames(hostNamesFromJson(sourceNames), hostNames), [sourceNames, hostNames]);
  const [showEmpty, setShowEmpty] = useState(false);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [help, setHelp] = useState(false);

  // Pausing freezes everything; time travel keeps the live data coming, so the timeline grows and "back to live" is instant.
  const pause = usePause();
  const following = pause.paused === null;
  // The first screen the page came with: built once, shown for its source until the first whole answer.
  const [firstModel] = useState(() => (first?.grid ? firstScreenModel(first.grid, Date.now()) : undefined));
  const liveSnapshot = useLiveSnapshot(source, following, source !== null && source.id === first?.grid?.source ? firstModel : undefined);
  const partial = liveSnapshot.data?.partial !== undefined;
  // The grid first: the timeline, episodes and requests are asked for once its first whole answer is drawn (or
  // failed), so on a big busy pool the server and the page spend the first second on the rows, not on lists.
  const gridDrawn = useFramesAfter((liveSnapshot.data !== undefined && !partial) || liveSnapshot.error !== undefined);
  const panelSource = gridDrawn ? source : null;
  const history = useHistory(panelSource, following);
  const episodes = useEpisodes(panelSource, following);
  const requests = useRequests(panelSource, following);
  // A pause freezes the newest read known: the grid's (a quiet pool's grid hears of new reads only every few
  // seconds) or the history's, whichever is later, so what was just on screen (a request turning stuck) stays.
  const gridLatest = liveSnapshot.data?.lastRead.seq ?? null;
  const newestSeq = Math.max(gridLatest ?? -1, history.data?.latestSeq ?? -1);
  const togglePause = () => pause.toggle(newestSeq < 0 ? null : newestSeq);

  const reads = useMemo(() => history.data?.reads ?? [], [history.data]);
  const screen = useReadOnScreen(source, url.seq, pause.paused, liveSnapshot, reads);
  const travel = useTimeTravel(go, reads, gridLatest);
  const selection = useSelection(url, go);
  const pinned = screen.mode !== 'live';

  // Requests and episodes as they stood at the read on screen: the header counts and the tables come from the same list.
  const isStatic = screen.model?.snapshot.static ?? false;
  const stuckS = requests.data?.stuckS ?? DEFAULT_STUCK_S;
  const scopeSeq = pinned ? screen.seq : null;
  const scopeAt = pinned ? screen.readAt : null;
  const atRead = useMemo(() => (requests.data
    ? requestsAt([...requests.data.byId.values()], { seq: scopeSeq, at: scopeAt, stuckMs: stuckS * 1000, static: isStatic })
    : null), [requests.data, scopeSeq, scopeAt, stuckS, isStatic]);
  const episodeList = useMemo(() => {
    const all = episodes.data?.episodes ?? [];
    return scopeSeq !== null ? all.filter((e) => e.startSeq <= scopeSeq) : all;
  }, [episodes.data, scopeSeq]);
  const episodeByHost = useMemo(() => episodesAt(episodeList, scopeSeq), [episodeList, scopeSeq]);
  const stuckByHost = useMemo(() => (atRead ? stuckSlotsByHost(atRead.list, atRead.isStuck) : new Map<number, string>()), [atRead]);
  const flagged = useMemo(() => new Set([...episodeByHost.keys(), ...stuckByHost.keys()]), [episodeByHost, stuckByHost]);
  const seqAt = useMemo(() => {
    const byTime = new Map(reads.map((r) => [r.at, r.seq]));
    return (iso: string) => byTime.get(Date.parse(iso)) ?? null;
  }, [reads]);

  const selectedHost = selection.selection?.host ?? null;
  const rows = screen.model?.rows;
  const view = useMemo(
    () => (rows ? gridView(rows, { showEmpty, problemsOnly, selectedHost, flagged }) : NO_ROWS),
    [rows, showEmpty, problemsOnly, selectedHost, flagged],
  );
  // The open host's bytes are those of the read on screen, live too: never a newer or older one than the grid's.
  const hostInRange = url.host !== null && source !== null && url.host <= source.maxHostId ? url.host : null;
  const mailbox = useMailbox(source, hostInRange, screen.loading ? scopeSeq : screen.model?.lastRead.seq ?? scopeSeq);

  const toLive = useCallback(() => {
    pause.resume();
    travel.toLive();
  }, [pause, travel]);
  const toggleProblemsOnly = useCallback(() => setProblemsOnly((v) => !v), []);
  const toggleEmpty = useCallback(() => setShowEmpty((v) => !v), []);
  useInspectorKeys({
    rowIds: view.rows.map((r) => r.id), selection, travel, go, help: { open: help, set: setHelp },
    togglePause, toLive, toggleProblemsOnly, toggleEmpty,
  });

  // mailboxes failing their checksum in the read on screen
  // the read on screen is a first screen (first-screen.ts): its counts are only those of its rows
  const firstScreenOnly = screen.model?.partial !== undefined;
  const mailboxesFailing = firstScreenOnly ? 0 : screen.model?.counts.failingNow ?? 0;
  useEffect(() => {
    const when = screen.mode === 'past' ? `⏪ #${screen.seq} · ` : screen.mode === 'paused' ? '⏸ ' : '';
    document.title = `${mailboxesFailing > 0 ? `✗ ${mailboxesFailing} · ` : ''}${when}${source?.name ?? ''} · Mailbox Inspector`;
  }, [mailboxesFailing, screen.mode, screen.seq, source?.name]);

  return (
    <HostNamesProvider names={names}>
      <div className="flex h-screen flex-col">
        <InspectorHeader
          sources={list} source={source} missing={url.source && sources.data && source?.id !== url.source ? url.source : null}
          sourcesError={sources.error} screen={screen} liveModel={liveSnapshot.data} liveError={liveSnapshot.error}
          requests={atRead ? { ...atRead.counts, static: isStatic } : null}
          filters={{ problemsOnly, showEmpty, toggleProblemsOnly, toggleEmpty }}
          onSource={selection.chooseSource} onTogglePause={togglePause} onLive={toLive} onHelp={() => setHelp(true)}
          noSources={sources.data !== undefined && list.length === 0} filesHeader={filesHeader?.(source)}
        />
        {panel}
        {screen.mode === 'past' && (
          <TimeTravelBanner seq={screen.seq!} readAt={screen.readAt} latestSeq={liveSnapshot.data?.lastRead.seq ?? history.data?.latestSeq ?? null}
            loading={screen.loading && !screen.error} error={screen.error} onStep={travel.step} onLive={toLive} />
        )}
        {screen.mode === 'paused' && <PausedBanner seq={screen.seq} readAt={screen.readAt} onResume={pause.resume} />}

        {/* With the drawer open the grid keeps its own height when short, and shrinks and scrolls when long. */}
        <main className={`overflow-auto ${selection.tab === null ? 'min-h-0 flex-1' : 'min-h-[7.5rem] flex-[0_1_auto]'}`} data-testid="grid-scroller">
          <StaleVolumes model={screen.model} />
          {/* A first screen is not the read drawn whole: no data-read-seq until it is. */}
          <div className={screen.loading || readFailed(screen.model) ? 'opacity-50' : undefined} aria-busy={screen.loading || firstScreenOnly}
            data-read-seq={screen.model && !screen.loading && !firstScreenOnly ? screen.model.lastRead.seq : undefined}>
            <LiveGrid view={view} partial={firstScreenOnly} selection={selection.selection} openHost={url.host} showEmpty={showEmpty} episodes={episodeByHost} stuck={stuckByHost}
              onPick={selection.pick} onEpisode={selection.openEpisode} onToggleEmpty={toggleEmpty} />
          </div>
          {selection.tab === null && (
            <div className="border-t border-line px-3 py-3">
              <Legend />
            </div>
          )}
        </main>

        {source && (
          <TimelineStrip history={history.data} error={history.error} episodes={episodeList} seq={url.seq} onSeek={travel.seek}
            actions={<ExportBar source={source} seq={scopeSeq} />} />
        )}
        <InspectorDrawer
          source={source} tab={selection.tab} host={url.host} slot={url.slot} screen={screen} selection={selection}
          mailbox={{ data: mailbox.data, error: mailbox.error }}
          requests={{ at: atRead, stuckS, static: isStatic, error: requests.error, seqAt, leftOut: requests.data?.leftOut ?? 0, storm: requests.data?.storm ?? false }}
          episodes={{ list: episodeList, loaded: episodes.data !== undefined, error: episodes.error }}
        />
        {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
        <HydrationMark />
      </div>
    </HostNamesProvider>
  );
}
