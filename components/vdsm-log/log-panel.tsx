'use client';

import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { HostNamesProvider, useHostNames } from '@/components/ui/host-names';
import { logReport } from '@/lib/report/log-markdown';
import { mergeHostNames } from '@/lib/sources/host-names';
import { buildTimeline, type LogScanResult, type Timeline } from '@/lib/vdsm-log';
import { FailureEpisodes } from './failure-episodes';
import { IncidentTimeline } from './incident-timeline';
import { logsOfDrop, logsOfFolder } from './pick-logs';
import { ExtendTiming, OtherRecords, RequestsTable } from './record-tables';
import { ScanProgressBar } from './scan-progress';
import { useLogScan } from './use-log-scan';

interface LogPanelProps {
  /** logs to read at once (opened on /open with dumps) */
  initial?: readonly File[];
  /** hears of each scan's result, null when a scan starts: a page that joins the logs with more (dumps) */
  onResult?: (result: LogScanResult | null) => void;
  /** the timeline that page made of the result with its dumps; without it, the logs' own */
  timeline?: Timeline | null;
}

/**
 * Open vdsm logs in the browser: drop or pick files (plain, .gz, .xz) or a
 * folder (every vdsm.log* in it). They are read in a Web Worker, streamed,
 * and never uploaded; they show on one timeline (with the dumps opened with them).
 */
export function LogPanel({ initial, onResult, timeline: given }: LogPanelProps = {}) {
  const { state, start, cancel } = useLogScan(onResult);
  const result = state.phase === 'done' ? state.result : null;
  const own = useMemo(() => (given === undefined && result ? buildTimeline(result) : null), [given, result]);
  const timeline = given ?? own;
  // Hosts named where the logs were found label them here too, after any name the page already knows.
  const outer = useHostNames();
  const names = useMemo(() => mergeHostNames(outer, new Map(timeline?.hostNames.map((n) => [n.host, n.name]))), [outer, timeline]);
  // Logs opened with dumps on /open are read at once; more can be dropped here.
  const started = useRef<readonly File[] | null>(null);
  useEffect(() => {
    if (!initial || initial.length === 0 || started.current === initial) return;
    started.current = initial;
    start([...initial]);
  }, [initial, start]);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);

  const open = (list: File[], from: string) => {
    if (list.length === 0) {
      setNote(`no vdsm.log* found in the ${from}`);
      return;
    }
    setNote(null);
    start(list);
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    open(await logsOfDrop(event.dataTransfer), 'dropped items');
  };

  return (
    <section className="space-y-3" data-log-panel>
      <div
        className={`rounded border-2 border-dashed p-4 ${dragging ? 'border-(--ink-blue) bg-hover' : 'border-line-strong'}`}
        data-drop-zone
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="mb-2">Drop vdsm logs here (<code>vdsm.log</code>, <code>vdsm.log.1.xz</code>, <code>.gz</code>) or a folder (an unpacked sosreport or log collector): they are read in this browser and never uploaded.</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={() => files.current?.click()}>Open logs…</button>
          <button type="button" className="btn" onClick={() => folder.current?.click()}>Open a folder…</button>
          {state.phase === 'scanning' && <button type="button" className="btn" onClick={cancel} data-cancel>Cancel</button>}
        </div>
        <input ref={files} type="file" multiple hidden data-log-input onChange={(e) => open([...(e.target.files ?? [])], 'picked files')} />
        <input ref={folder} type="file" multiple hidden data-folder-input
          {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
          onChange={(e) => open(logsOfFolder([...(e.target.files ?? [])]), 'folder')} />
        {note && <p className="mt-2" style={{ color: 'var(--ink-orange)' }} role="status">⚠ {note}</p>}
      </div>

      {state.phase === 'scanning' && <ScanProgressBar names={state.names} progress={state.progress} />}
      {state.phase === 'error' && <p role="alert" style={{ color: 'var(--ink-vermillion)' }}>✗ {state.message}. Try again, or open the files one by one.</p>}
      {state.phase === 'done' && (
        <div className="space-y-4" data-log-result data-lines={state.result.lines} data-bytes={state.result.bytes}>
          <div className="flex flex-wrap items-center gap-3">
            <span className="rounded bg-sunken px-2 py-0.5 font-semibold" title="logs opened in this browser">FILES</span>
            <span>{state.result.files.map((f) => `${f.name}${f.hostIds.length ? ` (host ${f.hostIds.join(', ')})` : ''}`).join(', ')}</span>
            <ScanProgressBar names={state.names} progress={state.progress} done cancelled={state.cancelled} />
            {timeline && <CopyButton label="copy summary (Markdown)" text={() => logReport({ scan: state.result, timeline }, names)} title="for a ticket: the findings with their log lines quoted" />}
          </div>
          {timeline && <HostNamesProvider names={names}><IncidentTimeline timeline={timeline} /></HostNamesProvider>}
          <section><h2 className="mb-1 text-[15px] font-semibold">Checksum failures: mailboxes the SPM dropped</h2><FailureEpisodes episodes={state.result.checksumFailures} /></section>
          <section><h2 className="mb-1 text-[15px] font-semibold">Extend requests</h2><RequestsTable result={state.result} /></section>
          <section><h2 className="mb-1 text-[15px] font-semibold">Extend timing</h2><ExtendTiming result={state.result} /></section>
          <OtherRecords result={state.result} />
        </div>
      )}
    </section>
  );
}
