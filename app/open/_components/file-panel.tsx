'use client';

import type { ReactNode } from 'react';
import { formatClock } from '@/lib/format/units';
import { grouped } from '@/lib/offline/check-size';
import { roleOf, sortOpened, type OpenedFile, type SeriesSource } from '@/lib/offline/opened-set';
import { recognise, type FileRole } from '@/lib/offline/recognise';
import type { SeriesOrder } from '@/lib/offline/series';

interface FilePanelProps {
  files: readonly OpenedFile[];
  series: readonly SeriesSource[];
  order: SeriesOrder;
  problems: readonly string[];
  onOrder: (order: SeriesOrder) => void;
  onMove: (group: string, from: number, to: number) => void;
  onRole: (id: string, role: FileRole) => void;
  /** the log reader's panel, when it is part of the app (vdsm.log* files) */
  logs?: ReactNode;
}

function When({ ms }: { ms: number }) {
  return <span className="num text-muted" title={new Date(ms).toString()}>{new Date(ms).toLocaleDateString()} {formatClock(ms)}</span>;
}

function FileLine({ file, children }: { file: OpenedFile; children?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2" data-testid="opened-file" data-role={roleOf(file)}>
      <span className="font-mono">{file.name}</span>
      <span className="num text-muted">{grouped(file.size)} B</span>
      <When ms={file.lastModified} />
      {children}
    </li>
  );
}

/** What was opened and how it is read: the series in order (movable), traces, files to label, logs set aside. */
export function FilePanel({ files, series, order, problems, onOrder, onMove, onRole, logs }: FilePanelProps) {
  const { traces, logs: logFiles, unknown } = sortOpened(files);
  return (
    <div className="space-y-2 text-[12px]" data-testid="file-panel">
      {problems.map((p) => <p key={p} role="alert" className="font-semibold text-(--ink-vermillion)">✗ {p}</p>)}
      {series.length > 0 && (
        <div className="flex items-center gap-2">
          <span className="text-muted">order dumps by</span>
          {(['name', 'mtime'] as const).map((o) => (
            <label key={o} className="flex items-center gap-1">
              <input type="radio" name="order" checked={order === o} onChange={() => onOrder(o)} data-testid={`order-${o}`} />
              {o === 'name' ? 'name' : 'modification time'}
            </label>
          ))}
        </div>
      )}
      {series.map(({ series: s, source, warnings, errors }) => (
        <section key={s.group} data-testid="series" data-source={source.id}>
          <h3 className="font-semibold">{source.config.name} <span className="font-normal text-muted">· {s.steps.length} {s.steps.length === 1 ? 'read' : 'reads'}, in this order</span></h3>
          <ol className="ml-5 list-decimal">
            {s.steps.map((step, i) => (
              <li key={step.key} data-testid="series-step">
                <span className="inline-flex gap-1">
                  <button type="button" className="btn px-1!" disabled={i === 0} onClick={() => onMove(s.group, i, i - 1)} title="earlier" aria-label={`move read ${i + 1} earlier`}>↑</button>
                  <button type="button" className="btn px-1!" disabled={i === s.steps.length - 1} onClick={() => onMove(s.group, i, i + 1)} title="later" aria-label={`move read ${i + 1} later`}>↓</button>
                </span>{' '}
                <ul className="inline">
                  {step.inbox && <FileLine file={step.inbox}><span className="text-muted">inbox</span></FileLine>}
                  {step.outbox && <FileLine file={step.outbox}><span className="text-muted">outbox</span></FileLine>}
                </ul>
              </li>
            ))}
          </ol>
          {[...errors, ...warnings].map((w) => <p key={w} className="text-(--ink-orange)">⚠ {w}</p>)}
        </section>
      ))}
      {traces.length > 0 && (
        <ul>{traces.map((f) => <FileLine key={f.id} file={f}><span className="text-muted">trace (replayed below)</span></FileLine>)}</ul>
      )}
      {unknown.length > 0 && (
        <section>
          <h3 className="font-semibold">Which volume are these?</h3>
          <ul>
            {unknown.map((f) => (
              <FileLine key={f.id} file={f}>
                <span className="text-muted">{recognise(f.name).reason}</span>
                <select aria-label={`what ${f.name} is`} value="unknown" onChange={(e) => onRole(f.id, e.target.value as FileRole)} data-testid="role-select"
                  className="rounded-sm border border-line-strong bg-panel px-1">
                  <option value="unknown">say which…</option>
                  <option value="inbox">inbox</option>
                  <option value="outbox">outbox</option>
                  <option value="trace">trace</option>
                </select>
              </FileLine>
            ))}
          </ul>
        </section>
      )}
      {logFiles.length > 0 && (
        <section data-testid="logs-slot">
          <h3 className="font-semibold">vdsm logs: handled by the log reader</h3>
          {logs ?? <ul>{logFiles.map((f) => <FileLine key={f.id} file={f} />)}</ul>}
        </section>
      )}
      <p className="text-muted">
        Everything here was read by this browser from your disk; nothing was uploaded. Links keep the view
        (source, read, host, slot) but cannot carry the files: whoever follows one must open the same files here first.
      </p>
    </div>
  );
}
