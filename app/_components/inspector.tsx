'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HostDetail } from '@/components/host-detail/host-detail';
import { LiveGrid } from '@/components/live-grid/live-grid';
import { moveSelection, type Selection } from '@/components/live-grid/navigation';
import { gridView, type GridView } from '@/components/live-grid/visible-rows';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { Legend } from '@/components/vocabulary/legend';
import { CountsBar } from './counts-bar';
import { Freshness, Warnings } from './freshness';
import { GridFilters } from './grid-filters';
import { commandFor } from './key-commands';
import { LiveToggle } from './live-toggle';
import { PausedBanner } from './paused-banner';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SourcePicker } from './source-picker';
import { useLiveSnapshot, useMailbox, useSources } from './use-data';
import { useShortcuts } from './use-shortcuts';
import { currentUrlState, useUrlState } from './use-url-state';

const NO_ROWS: GridView = { rows: [], folded: [], filtered: 0 };

/** The page: source header, the live grid, and the detail of the open host below it. */
export function Inspector() {
  const [url, go] = useUrlState();
  const sources = useSources();
  const list = sources.data?.sources ?? [];
  const source = list.find((s) => s.id === url.source) ?? list[0] ?? null;

  const [live, setLive] = useState(true);
  const [showEmpty, setShowEmpty] = useState(false);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [help, setHelp] = useState(false);
  const [picked, setPicked] = useState<Selection | null>(null);
  const snapshot = useLiveSnapshot(source, live);
  const model = snapshot.data;
  const mailbox = useMailbox(source, url.host, live);

  // An open detail (from the URL) owns the selection; otherwise the last pick does.
  const selection = useMemo<Selection | null>(
    () => (url.host !== null ? { host: url.host, slot: url.slot } : picked),
    [url.host, url.slot, picked],
  );
  const selectedHost = selection?.host ?? null;
  const view = useMemo(
    () => (model ? gridView(model.rows, { showEmpty, problemsOnly, selectedHost }) : NO_ROWS),
    [model?.rows, showEmpty, problemsOnly, selectedHost],
  );

  const latestSelection = useRef(selection);
  useEffect(() => {
    latestSelection.current = selection;
  });

  const onPick = useCallback((host: number, slot: number | null) => {
    setPicked({ host, slot });
    go({ source: currentUrlState().source, host, slot }, 'push');
  }, [go]);

  const close = useCallback(() => {
    setPicked(latestSelection.current);
    go({ source: currentUrlState().source, host: null, slot: null }, 'push');
  }, [go]);

  const onSource = (id: string) => {
    setPicked(null);
    go({ source: id, host: null, slot: null }, 'push');
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
          if (now.host !== null) go({ source: now.source, host: next.host, slot: next.slot }, 'replace');
        }
        return true;
      }
      case 'open':
        if (!selection) return false;
        go({ source: now.source, host: selection.host, slot: selection.slot }, 'push');
        return true;
      case 'close':
        if (now.host === null) return false;
        close();
        return true;
      case 'live':
        setLive((v) => !v);
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
    document.title = `${failing > 0 ? `✗ ${failing} · ` : ''}${live ? '' : '⏸ '}${source?.name ?? ''} · Mailbox Inspector`;
  }, [failing, live, source?.name]);

  return (
    <div className="flex h-screen flex-col">
      <header className="shrink-0 border-b border-line-strong bg-panel">
        <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1">
          <h1 className="whitespace-nowrap text-[14px] font-semibold tracking-tight">Mailbox Inspector</h1>
          <SourcePicker sources={list} source={source} onChange={onSource} />
          <LiveToggle live={live} onToggle={() => setLive((v) => !v)} />
          {source && <Freshness source={source} model={model} live={live} />}
          <span className="ml-auto flex items-center gap-1.5">
            <Link href="/learn" className="btn" title="the mailbox format, byte by byte">format</Link>
            <ThemeToggle />
            <button type="button" className="btn" onClick={() => setHelp(true)} title="keyboard shortcuts and legend (?)">
              <span aria-hidden>?</span> keys
            </button>
          </span>
        </div>
        <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-1 border-t border-line px-3 py-1">
          {model ? <CountsBar counts={model.counts} watchingSince={model.watchingSince} /> : <span className="text-muted">waiting for the first read…</span>}
          <span className="ml-auto">
            <GridFilters
              problemsOnly={problemsOnly}
              showEmpty={showEmpty}
              onProblemsOnly={() => setProblemsOnly((v) => !v)}
              onShowEmpty={() => setShowEmpty((v) => !v)}
            />
          </span>
        </div>
        {url.source && sources.data && source && source.id !== url.source && (
          <p role="alert" className="border-t border-line px-3 py-1 text-[12px]">
            <span className="badge" data-tone="outside">⚠</span> No source named “{url.source}” is configured; showing “{source.name}”.
          </p>
        )}
        {sources.error && <p role="alert" className="border-t border-line px-3 py-1 text-(--ink-vermillion)">Cannot list the sources: {sources.error.message}</p>}
        {source && <Warnings source={source} model={model} error={snapshot.error} live={live} />}
      </header>
      {!live && <PausedBanner seq={model?.lastRead.seq ?? null} readAt={model?.lastRead.readAt ?? null} onResume={() => setLive(true)} />}

      {/* With a detail open the grid keeps its own height when short, and shrinks and scrolls when long. */}
      <main className={`overflow-auto ${url.host === null ? 'min-h-0 flex-1' : 'min-h-[7.5rem] flex-[0_1_auto]'}`} data-testid="grid-scroller">
        <LiveGrid view={view} selection={selection} openHost={url.host} showEmpty={showEmpty} onPick={onPick} onToggleEmpty={() => setShowEmpty((v) => !v)} />
        {url.host === null && (
          <div className="border-t border-line px-3 py-3">
            <Legend />
          </div>
        )}
      </main>

      {source && url.host !== null && (
        <div className="min-h-[55vh] flex-1 overflow-auto border-t-2 border-line-strong">
          <HostDetail
            source={source}
            host={url.host}
            slot={url.slot}
            data={mailbox.data}
            error={mailbox.error}
            onSelectSlot={(slot) => {
              setPicked({ host: url.host!, slot });
              go({ ...url, slot }, 'replace');
            }}
            onClose={close}
          />
        </div>
      )}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
