'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { GridModel } from '@/components/live-grid/grid-model';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import type { SourceInfo } from '@/lib/api/types';
import { CountsBar, type RequestCountsAt } from './counts-bar';
import { Freshness, Warnings } from './freshness';
import { GridFilters } from './grid-filters';
import { LiveToggle } from './live-toggle';
import { SourcePicker } from './source-picker';
import { useTransport } from './transport';
import type { ReadOnScreen } from './use-read-on-screen';

interface InspectorHeaderProps {
  sources: readonly SourceInfo[];
  source: SourceInfo | null;
  /** the source the URL asked for, when it is not configured */
  missing: string | null;
  sourcesError: Error | undefined;
  screen: ReadOnScreen;
  liveModel: GridModel | undefined;
  liveError: Error | undefined;
  requests: RequestCountsAt | null;
  filters: { problemsOnly: boolean; showEmpty: boolean; toggleProblemsOnly: () => void; toggleEmpty: () => void };
  onSource: (id: string) => void;
  onTogglePause: () => void;
  onLive: () => void;
  onHelp: () => void;
  /** the server lists no source (MAILBOX_SOURCES=none) */
  noSources?: boolean;
  /** opened files: said in place of the read's freshness (which is about storage) */
  filesHeader?: ReactNode;
}

/** The source, whether the screen is live, paused or in the past, the read on screen and its counts. */
export function InspectorHeader(p: InspectorHeaderProps) {
  const { screen } = p;
  const files = useTransport().kind === 'files';
  return (
    <header className="shrink-0 border-b border-line-strong bg-panel" data-read-seq={screen.seq ?? undefined}>
      <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1">
        <h1 className="whitespace-nowrap text-[14px] font-semibold tracking-tight">Mailbox Inspector</h1>
        <SourcePicker sources={p.sources} source={p.source} onChange={p.onSource} />
        <LiveToggle mode={screen.mode} files={files} failedRead={readFailed(p.liveModel)} onToggle={p.onTogglePause} onLive={p.onLive} />
        {files ? p.filesHeader : p.source && <Freshness source={p.source} model={screen.model} mode={screen.mode} />}
        <span className="ml-auto flex items-center gap-1.5">
          {!files && <Link href="/open" className="btn" title="open dumps, traces or logs a customer sent: decoded in this browser, nothing uploaded">open files</Link>}
          <Link href="/learn" className="btn" title="the mailbox format, byte by byte">format</Link>
          <ThemeToggle />
          <button type="button" className="btn" onClick={p.onHelp} title="keyboard shortcuts and legend (?)">
            <span aria-hidden>?</span> keys
          </button>
        </span>
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-1 border-t border-line px-3 py-1">
        {screen.model?.partial
          ? <span className="text-muted" data-testid="first-screen">{`the first ${screen.model.rows.length} rows of ${screen.model.partial.hosts} hosts; the whole read is on its way…`}</span>
          : screen.model
            ? <CountsBar counts={screen.model.counts} requests={p.requests} watchingSince={screen.model.watchingSince} mode={screen.mode} />
            : <span className="text-muted">{files ? 'decoding…' : 'waiting for the first read…'}</span>}
        <span className="ml-auto">
          <GridFilters problemsOnly={p.filters.problemsOnly} showEmpty={p.filters.showEmpty}
            onProblemsOnly={p.filters.toggleProblemsOnly} onShowEmpty={p.filters.toggleEmpty} />
        </span>
      </div>
      {p.missing && p.source && (
        <p role="alert" className="border-t border-line px-3 py-1 text-[12px]">
          <span className="badge" data-tone="outside">⚠</span> No source named “{p.missing}” is configured; showing “{p.source.name}”.
        </p>
      )}
      {!files && p.noSources && (
        <p className="border-t border-line px-3 py-1 text-[12px]" data-testid="no-sources">
          This server watches no storage (MAILBOX_SOURCES=none). <Link href="/open" prefetch={false} className="underline">Open dumps or traces</Link> from your disk instead: they are decoded in this browser.
        </p>
      )}
      {p.sourcesError && <p role="alert" className="border-t border-line px-3 py-1 text-(--ink-vermillion)">Cannot list the sources: {p.sourcesError.message}</p>}
      {/* Opened files never go stale: only their volumes' own warnings apply. */}
      {p.source && <Warnings source={p.source} model={p.liveModel} error={p.liveError} live={screen.mode === 'live' && !files} />}
    </header>
  );
}

/** Whether the latest read of a configured volume failed: the header must not say a green LIVE then. */
export function readFailed(model: GridModel | undefined): boolean {
  const s = model?.snapshot;
  return !!s && [s.inbox, s.outbox].some((v) => v?.error);
}
