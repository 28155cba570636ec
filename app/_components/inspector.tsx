'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RequestJson } from '@/lib/api/history-types';
import type { SourceInfo } from '@/lib/api/types';
import { episodesAt, episodeTarget, type EpisodeAt } from '@/components/episodes/episode-at';
import { EpisodesTable } from '@/components/episodes/episodes-table';
import { HostDetail } from '@/components/host-detail/host-detail';
import { LiveGrid } from '@/components/live-grid/live-grid';
import { moveSelection, type Selection } from '@/components/live-grid/navigation';
import { gridView, type GridView } from '@/components/live-grid/visible-rows';
import { RequestsTable } from '@/components/requests/requests-table';
import { stuckAt, stuckSlotsByHost } from '@/components/requests/stuck';
import { readOfSeq } from '@/components/timeline/timeline-layout';
import { TimelineStrip } from '@/components/timeline/timeline-strip';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { Legend } from '@/components/vocabulary/legend';
import { CountsBar } from './counts-bar';
import { DrawerTabs, type DrawerTab } from './drawer-tabs';
import { ExportBar } from './export-bar';
import { Freshness, Warnings } from './freshness';
import { GridFilters } from './grid-filters';
import { commandFor } from './key-commands';
import { LiveToggle } from './live-toggle';
import { PausedBanner } from './paused-banner';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SourcePicker } from './source-picker';
import { TimeTravelBanner } from './time-travel-banner';
import { LIVE_VIEW } from './url-state';
import { useEpisodes, useHistory, useLiveSnapshot, useMailbox, usePastSnapshot, useRequests, useSources } from './use-data';
import { useShortcuts } from './use-shortcuts';
import { useTimeTravel } from './use-time-travel';
import { currentUrlState, useUrlState } from './use-url-state';

const NO_ROWS: GridView = { rows: [], folded: [], filtered: 0 };
const NO_REQUESTS: readonly RequestJson[] = [];

/**
 * The page: source header, the grid (live, or a past read while time
 * travelling), the timeline, and a drawer with the open host's bytes, the
 * requests or the checksum episodes.
 */
export interface InspectorProps {
  /**
   * Files opened in this browser (the data layer answers for them): what the
   * header says instead of LIVE and the read's freshness, and a note above the grid.
   */
  files?: { header: (source: SourceInfo | null) => ReactNode; notice?: ReactNode };
}

export function Inspector({ files }: InspectorProps = {}) {
  const [url, go] = useUrlState();
  const sources = useSources();
  const list = sources.data?.sources ?? [];
  const source = list.find((s) => s.id === url.source) ?? list[0] ?? null;

  const [live, setLive] = useState(true);
  const [showEmpty, setShowEmpty] = useState(false);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [help, setHelp] = useState(false);
  const [picked, setPicked] = useState<Selection | null>(null);

  // Live data keeps coming while time travelling: the timeline grows, and "back to live" is instant.
  const liveSnapshot = useLiveSnapshot(source, live);
  const pastSnapshot = usePastSnapshot(source, url.seq);
  const history = useHistory(source, live);
  const episodes = useEpisodes(source, live);
  const requests = useRequests(source, live);

  const past = url.seq !== null;
  const reads = useMemo(() => history.data?.reads ?? [], [history.data]);
  const pastModel = pastSnapshot.data;
  const model = past ? pastModel ?? liveSnapshot.data : liveSnapshot.data;
  /** the past read asked for is not on screen yet (the previous one is, dimmed) */
  const stale = past && pastModel?.lastRead.seq !== url.seq;
  const shownAt = past
    ? (pastModel && !stale ? Date.parse(pastModel.lastRead.readAt) : readOfSeq(reads, url.seq!)?.at ?? null)
    : null;
  const travel = useTimeTravel(go, reads, liveSnapshot.data?.lastRead.seq ?? null);

  const episodeList = useMemo(() => episodes.data?.episodes ?? [], [episodes.data]);
  const episodeByHost = useMemo(() => episodesAt(episodeList, url.seq), [episodeList, url.seq]);
  const requestList = useMemo(() => (requests.data ? [...requests.data.byId.values()] : NO_REQUESTS), [requests.data]);
  const stuckMs = (requests.data?.stuckS ?? 10) * 1000;
  // At the latest read the server says what is stuck; at a past read, the same rule measured then.
  const isStuck = useCallback(
    (r: RequestJson) => (shownAt === null ? r.stuck : stuckAt(r, shownAt, stuckMs)),
    [shownAt, stuckMs],
  );
  const stuckByHost = useMemo(() => stuckSlotsByHost(requestList, isStuck), [requestList, isStuck]);
  const stuckCount = useMemo(() => (requests.data ? requestList.filter(isStuck).length : null), [requests.data, requestList, isStuck]);
  const flagged = useMemo(() => new Set([...episodeByHost.keys(), ...stuckByHost.keys()]), [episodeByHost, stuckByHost]);

  // An open detail (from the URL) owns the selection; otherwise the last pick does.
  const selection = useMemo<Selection | null>(
    () => (url.host !== null ? { host: url.host, slot: url.slot } : picked),
    [url.host, url.slot, picked],
  );
  const selectedHost = selection?.host ?? null;
  const view = useMemo(
    () => (model ? gridView(model.rows, { showEmpty, problemsOnly, selectedHost, flagged }) : NO_ROWS),
    [model?.rows, showEmpty, problemsOnly, selectedHost, flagged],
  );
  const mailbox = useMailbox(source, url.host, live && !past, url.seq);

  const tab: DrawerTab | null = url.panel ?? (url.host !== null ? 'detail' : null);

  const latestSelection = useRef(selection);
  useEffect(() => {
    latestSelection.current = selection;
  });

  const onPick = useCallback((host: number, slot: number | null) => {
    setPicked({ host, slot });
    go({ ...currentUrlState(), host, slot, panel: null }, 'push');
  }, [go]);

  /** From the requests table: select in the grid, keep the table open. */
  const onSelectRequest = useCallback((host: number, slot: number) => {
    setPicked({ host, slot });
    go({ ...currentUrlState(), host, slot }, 'push');
  }, [go]);

  const closeDrawer = useCallback(() => {
    setPicked(latestSelection.current);
    go({ ...currentUrlState(), host: null, slot: null, panel: null }, 'push');
  }, [go]);

  const onEpisode = useCallback((at: EpisodeAt) => {
    const { host } = at.episode;
    setPicked({ host, slot: null });
    go({ ...currentUrlState(), seq: episodeTarget(at.episode), host, slot: null, panel: null }, 'push');
  }, [go]);

  const onTab = (next: DrawerTab) => {
    const now = currentUrlState();
    if (next === tab) return closeDrawer();
    if (next !== 'detail') return go({ ...now, panel: next }, 'push');
    const host = now.host ?? selection?.host ?? null;
    if (host !== null) go({ ...now, host, slot: now.host === null ? selection?.slot ?? null : now.slot, panel: null }, 'push');
  };

  const onSource = (id: string) => {
    setPicked(null);
    go({ ...LIVE_VIEW, source: id }, 'push');
  };

  const toLive = () => {
    setLive(true);
    travel.toLive();
  };

  useShortcuts((event) => {
    const command = commandFor(event.key);
    const now = currentUrlState();
    if (help) {
      if (command?.kind === 'close' || command?.kind === 'help') setHelp(false);
      return event.key !== 'Tab'; // the dialog is modal
    }
    switch (command?.kind) {
      case 'move': {
        const next = moveSelection(view.rows.map((r) => r.id), selection, command.move);
        if (next) {
          setPicked(next);
          if (now.host !== null) go({ ...now, host: next.host, slot: next.slot }, 'replace');
        }
        return true;
      }
      case 'open':
        if (!selection) return false;
        go({ ...now, host: selection.host, slot: selection.slot, panel: null }, 'push');
        return true;
      case 'close':
        // the innermost first: the drawer, then time travel
        if (now.host !== null || now.panel !== null) closeDrawer();
        else if (now.seq !== null) travel.toLive();
        else return false;
        return true;
      case 'live':
        setLive((v) => !v);
        return true;
      case 'to-live':
        toLive();
        return true;
      case 'step':
        travel.step(command.by);
        return true;
      case 'jump':
        travel.jump(command.by);
        return true;
      case 'panel':
        if (now.panel === command.panel) closeDrawer();
        else go({ ...now, panel: command.panel }, 'push');
        return true;
      case 'help':
        setHelp(true);
        return true;
      case 'problems':
        setProblemsOnly((v) => !v);
        return true;
      case 'empty':
        setShowEmpty((v) => !v);
        return true;
      default:
        return false;
    }
  });

  const failing = model?.counts.failingNow ?? 0;
  useEffect(() => {
    const when = past ? `⏪ #${url.seq} · ` : files ? 'FILES · ' : live ? '' : '⏸ ';
    document.title = `${failing > 0 ? `✗ ${failing} · ` : ''}${when}${source?.name ?? ''} · Mailbox Inspector`;
  }, [failing, live, past, url.seq, source?.name, files]);

  const liveModel = liveSnapshot.data;
  const failingNow = episodeList.filter((e) => e.resolvedSeq === null).length;

  return (
    <div className="flex h-screen flex-col">
      <header className="shrink-0 border-b border-line-strong bg-panel">
        <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1">
          <h1 className="whitespace-nowrap text-[14px] font-semibold tracking-tight">Mailbox Inspector</h1>
          <SourcePicker sources={list} source={source} onChange={onSource} />
          {files ? files.header(source) : (
            <>
              <LiveToggle live={live} past={past} onToggle={() => setLive((v) => !v)} onLive={toLive} />
              {source && <Freshness source={source} model={liveModel} live={live} />}
            </>
          )}
          <span className="ml-auto flex items-center gap-1.5">
            {files
              ? <a href="/" className="btn" title="the sources this server watches">live sources</a>
              : <Link href="/open" className="btn" title="dumps and traces from your disk, decoded in this browser: nothing is uploaded">open files</Link>}
            <Link href="/learn" className="btn" title="the mailbox format, byte by byte">format</Link>
            <ThemeToggle />
            <button type="button" className="btn" onClick={() => setHelp(true)} title="keyboard shortcuts and legend (?)">
              <span aria-hidden>?</span> keys
            </button>
          </span>
        </div>
        <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-1 border-t border-line px-3 py-1">
          {model ? <CountsBar counts={model.counts} stuck={stuckCount} watchingSince={model.watchingSince} past={past} />
            : <span className="text-muted">{files ? (source ? 'decoding…' : 'no files opened yet') : 'waiting for the first read…'}</span>}
          <span className="ml-auto">
            <GridFilters
              problemsOnly={problemsOnly}
              showEmpty={showEmpty}
              onProblemsOnly={() => setProblemsOnly((v) => !v)}
              onShowEmpty={() => setShowEmpty((v) => !v)}
            />
          </span>
        </div>
        {files?.notice}
        {!files && sources.data && list.length === 0 && (
          <p className="border-t border-line px-3 py-1 text-[12px]" data-testid="no-sources">
            This server watches no storage (MAILBOX_SOURCES=none). <Link href="/open" className="underline">Open dumps or traces</Link> from your disk instead: they are decoded in this browser.
          </p>
        )}
        {url.source && sources.data && source && source.id !== url.source && (
          <p role="alert" className="border-t border-line px-3 py-1 text-[12px]">
            <span className="badge" data-tone="outside">⚠</span> No source named “{url.source}” is configured; showing “{source.name}”.
          </p>
        )}
        {sources.error && <p role="alert" className="border-t border-line px-3 py-1 text-(--ink-vermillion)">Cannot list the sources: {sources.error.message}</p>}
        {/* Opened files never go stale: only their volumes' warnings apply. */}
        {source && <Warnings source={source} model={liveModel} error={liveSnapshot.error} live={live && !files} />}
      </header>
      {past ? (
        <TimeTravelBanner seq={url.seq!} readAt={shownAt} latestSeq={liveModel?.lastRead.seq ?? history.data?.latestSeq ?? null}
          loading={stale && !pastSnapshot.error} error={pastSnapshot.error} onStep={travel.step} onLive={toLive} />
      ) : (
        !live && <PausedBanner seq={liveModel?.lastRead.seq ?? null} readAt={liveModel?.lastRead.readAt ?? null} onResume={() => setLive(true)} />
      )}

      {/* With the drawer open the grid keeps its own height when short, and shrinks and scrolls when long. */}
      <main className={`overflow-auto ${tab === null ? 'min-h-0 flex-1' : 'min-h-[7.5rem] flex-[0_1_auto]'}`} data-testid="grid-scroller">
        <div className={stale ? 'opacity-50' : undefined} aria-busy={stale}>
          <LiveGrid view={view} selection={selection} openHost={url.host} showEmpty={showEmpty} episodes={episodeByHost} stuck={stuckByHost}
            onPick={onPick} onEpisode={onEpisode} onToggleEmpty={() => setShowEmpty((v) => !v)} />
        </div>
        {tab === null && (
          <div className="border-t border-line px-3 py-3">
            <Legend />
          </div>
        )}
      </main>

      {source && (
        <TimelineStrip history={history.data} error={history.error} episodes={episodeList} seq={url.seq} onSeek={travel.seek}
          actions={<ExportBar source={source} seq={url.seq} />} />
      )}
      <DrawerTabs
        active={tab}
        host={url.host ?? selection?.host ?? null}
        requests={requests.data ? { total: requestList.length, stuck: stuckCount ?? 0 } : null}
        episodes={episodes.data ? { total: episodeList.length, failing: failingNow } : null}
        onTab={onTab}
      />
      {tab !== null && (
        <div className="min-h-[45vh] flex-1 overflow-auto border-t border-line-strong bg-panel" role="tabpanel" aria-label={tab}>
          {tab === 'detail' && source && url.host !== null && (
            <HostDetail
              source={source}
              host={url.host}
              slot={url.slot}
              data={mailbox.data}
              error={mailbox.error}
              episodes={episodeList}
              past={past}
              onSelectSlot={(slot) => {
                setPicked({ host: url.host!, slot });
                go({ ...currentUrlState(), slot }, 'replace');
              }}
              onEpisode={onEpisode}
              onClose={closeDrawer}
            />
          )}
          {(tab === 'requests' ? requests.error : tab === 'episodes' ? episodes.error : undefined) && (
            <p role="alert" className="border-b border-line px-3 py-1 text-[12px] font-semibold text-(--ink-vermillion)">
              ✗ {(tab === 'requests' ? requests.error : episodes.error)!.message}; showing what was last received, retrying.
            </p>
          )}
          {tab === 'requests' && (
            <RequestsTable requests={requestList} isStuck={isStuck} asOf={shownAt} stuckS={requests.data?.stuckS ?? 10}
              selection={selection} onSelect={onSelectRequest} />
          )}
          {tab === 'episodes' && (
            <EpisodesTable episodes={episodeList} seq={url.seq}
              onOpen={(e) => onEpisode({ episode: e, during: true, version: null })} />
          )}
        </div>
      )}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
