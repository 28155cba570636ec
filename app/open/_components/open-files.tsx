'use client';

import Link from 'next/link';
import { HydrationMark } from '@/components/ui/hydration-mark';
import { LogPanel } from '@/components/vdsm-log/log-panel';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { SWRConfig } from 'swr';
import type { OpenedContext } from '@/lib/api/endpoints/source-request';
import type { SourceInfo } from '@/lib/api/types';
import { dumpReads } from '@/lib/offline/dump-reads';
import { localFetch } from '@/lib/offline/local-fetch';
import { moveStep, seriesSources } from '@/lib/offline/opened-set';
import type { FileRole } from '@/lib/offline/recognise';
import type { SeriesOrder } from '@/lib/offline/series';
import type { HostNames } from '@/lib/sources/host-names';
import type { SourceView } from '@/lib/sources/source-view';
import { buildTimeline, type LogScanResult } from '@/lib/vdsm-log';
import { TransportProvider, type Transport } from '@/app/_components/transport';
import { Inspector } from '@/app/_components/inspector';
import { FilePanel } from './file-panel';
import { FilesHeader } from './files-header';
import { PickFiles } from './pick-files';
import { readFiles, type LocalFile, type ReadFailure } from './read-files';
import { ReplayControls } from './replay-controls';
import { useTraces } from './use-traces';

/**
 * /open: files dropped or picked are read here, grouped into dump series and
 * traces, and shown on the same screen as a live source, answered by a local
 * API over them. No request carries their bytes.
 */
export function OpenFiles() {
  const [files, setFiles] = useState<LocalFile[]>([]);
  const [failures, setFailures] = useState<ReadFailure[]>([]);
  const [order, setOrder] = useState<SeriesOrder>('name');
  const [manual, setManual] = useState<Record<string, string[]>>({});
  const [roles, setRoles] = useState<Record<string, FileRole>>({});
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(0);

  const labelled = useMemo(() => files.map((f) => (roles[f.id] ? { ...f, role: roles[f.id] } : f)), [files, roles]);
  const series = useMemo(() => seriesSources(labelled, order, manual), [labelled, order, manual]);
  const seriesIds = useMemo(() => new Set(series.map((s) => s.source.id)), [series]);
  const traces = useTraces(labelled, seriesIds);

  const sources = useMemo(() => new Map<string, SourceView>([
    ...series.map((s) => [s.source.id, s.source] as const),
    ...traces.sessions.map((t) => [t.source.id, t.source] as const),
  ]), [series, traces.sessions]);
  // vdsm logs opened with the dumps: one timeline of both, host names from the logs' folders, and the incident summary's log section.
  const [logResult, setLogResult] = useState<LogScanResult | null>(null);
  const dumps = useMemo(() => dumpReads(series), [series]);
  const timeline = useMemo(() => (logResult ? buildTimeline(logResult, dumps) : null), [logResult, dumps]);
  const logNames = useMemo<HostNames>(() => new Map(timeline?.hostNames.map((n) => [n.host, n.name])), [timeline]);
  const current = useRef(sources);
  current.current = sources;
  const opened = useRef<OpenedContext | null>(null);
  opened.current = { hostNames: logNames, logs: logResult && timeline ? { scan: logResult, timeline } : null };
  const [transport] = useState<Transport>(() => ({ fetch: localFetch(() => current.current, () => opened.current), kind: 'files' }));
  // A rebuilt set of sources starts a fresh screen (and a fresh SWR cache): nothing of the old one lingers.
  const generation = useMemo(() => ({ n: Math.random() }), [sources]);

  const open = async (list: File[]) => {
    const { files: read, failures: failed } = await readFiles(list, nextId.current);
    nextId.current += read.length + failed.length;
    setFiles((f) => [...f, ...read]);
    setFailures(failed);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0) void open(Array.from(e.dataTransfer.files));
  };
  const onMove = (group: string, from: number, to: number) => {
    const steps = series.find((s) => s.series.group === group)?.series.steps ?? [];
    setManual((m) => ({ ...m, [group]: moveStep(steps.map((s) => s.key), from, to) }));
  };
  /** vdsm.log* files, for the log reader's panel when it is merged in */
  const logFiles = useMemo(() => files.filter((f) => f.file).map((f) => f.file!), [files]);
  const reads = (source: SourceInfo | null) => (source ? sources.get(source.id)?.history.store.size ?? null : null);
  const problems = [...failures.map((f) => `${f.name}: ${f.why}`), ...traces.errors];

  return (
    <div className={dragging ? 'drop-target' : undefined} data-testid="open-files"
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      {files.length === 0 ? (
        <Landing onOpen={open} problems={problems} />
      ) : (
        <SWRConfig key={generation.n} value={{ provider: () => new Map() }}>
          <TransportProvider transport={transport}>
            <Inspector
              hostNames={logNames}
              filesHeader={(source) => <FilesHeader source={source} reads={reads(source)} />}
              panel={(
                // At most half the screen, scrolling: the logs' timeline and tables must leave the grid room.
                <details open className="max-h-[50vh] shrink-0 overflow-auto border-t border-line px-3 py-1" data-testid="files-notice">
                  <summary className="cursor-pointer text-[12px]">
                    opened files ({files.length}) · decoded in this browser, nothing uploaded · <PickFiles onFiles={open} label="open more files…" />
                  </summary>
                  {traces.state && (
                    <ReplayControls name={traces.sessions.map((s) => s.source.config.name.replace(/^trace: /, '')).join(', ')} state={traces.state}
                      onPlay={traces.play} onPause={traces.pause} onStep={traces.step} onSpeed={traces.setSpeed} onPollMs={traces.setPollMs} onRestart={traces.restart} />
                  )}
                  {logFiles.length > 0 && (
                    <div className="border-b border-line py-2" data-testid="opened-logs">
                      <LogPanel initial={logFiles} onResult={setLogResult} timeline={timeline} />
                    </div>
                  )}
                  <FilePanel files={labelled} series={series} order={order} problems={problems} onOrder={setOrder} onMove={onMove}
                    onRole={(id, role) => setRoles((r) => ({ ...r, [id]: role }))} />
                </details>
              )} />
          </TransportProvider>
        </SWRConfig>
      )}
      <HydrationMark />
    </div>
  );
}

function Landing({ onOpen, problems }: { onOpen: (files: File[]) => void; problems: string[] }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-4 p-6">
      <h1 className="text-[18px] font-semibold">Mailbox Inspector · open files</h1>
      <p>
        Drop here, or pick, the files a customer sent: <code>inbox</code> and <code>outbox</code> dumps
        (<code>dd</code> copies, any whole number of 4096-byte mailboxes), a series of them taken seconds apart
        (<code>inbox.1</code>, <code>inbox.2</code>…), the inspector&apos;s own exports, or a <code>mailbox-trace/1</code> trace.
      </p>
      <p className="font-semibold">They are read and decoded by this browser: nothing is uploaded, and the server needs no access to them.</p>
      <p><PickFiles onFiles={onOpen} label="open files…" big /></p>
      <p>
        vdsm logs (<code>vdsm.log</code>, rotated <code>.gz</code>/<code>.xz</code>, or a sosreport or log collector folder) go
        with them here, or on their own in the <Link href="/open/logs" className="underline">log reader</Link>: the mailboxes the SPM
        dropped and why, every extend request and how long it waited.
      </p>
      {problems.map((p) => <p key={p} role="alert" className="font-semibold text-(--ink-vermillion)">✗ {p}</p>)}
      <p className="text-[12px] text-muted">Links to this page keep the view (source, read, host, slot) but cannot carry the files: whoever follows one opens the same files here first. <a className="underline" href="/">Back to the live sources</a>.</p>
    </main>
  );
}
