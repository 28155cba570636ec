'use client';

import { useMemo, useState } from 'react';
import type { RequestJson } from '@/lib/api/history-types';
import { formatAge, formatClock, formatSpan, humanMiB } from '@/lib/format/units';
import { useNow } from '@/components/ui/use-now';
import { DEFAULT_SORT, filterRequests, sortRequests, type RequestColumn, type RequestSort } from './requests-model';

/** Rows drawn at most: stuck ones come first, so a busy hour never hides them; the filter finds the rest. */
export const MAX_ROWS = 300;

interface RequestsTableProps {
  requests: readonly RequestJson[];
  isStuck: (r: RequestJson) => boolean;
  /** epoch ms of the read shown: later steps are greyed while time travelling */
  asOf: number | null;
  stuckS: number;
  selection: { host: number; slot: number | null } | null;
  onSelect: (host: number, slot: number) => void;
}

interface Column {
  id: RequestColumn;
  label: string;
  title: string;
  numeric?: boolean;
}

const COLUMNS: readonly Column[] = [
  { id: 'host', label: 'host', title: 'host id', numeric: true },
  { id: 'slot', label: 'slot', title: 'slot 0..62', numeric: true },
  { id: 'domain', label: 'domain', title: 'storage domain UUID' },
  { id: 'volume', label: 'volume', title: 'volume UUID' },
  { id: 'size', label: 'size', title: 'new size asked for', numeric: true },
  { id: 'requested', label: 'requested', title: 'the read that first showed the request (local time)' },
  { id: 'replied', label: 'replied', title: 'the read that first showed the SPM’s reply' },
  { id: 'hostAcked', label: 'host ack', title: 'the host wrote CLEAN' },
  { id: 'spmAcked', label: 'SPM ack', title: 'the SPM wrote CLEAN' },
  { id: 'freed', label: 'freed', title: 'the host emptied its slot' },
  { id: 'replyMs', label: 'reply', title: 'request → reply (an upper bound: steps are seen at reads)', numeric: true },
  { id: 'hostAckMs', label: 'h·ack', title: 'reply → host CLEAN', numeric: true },
  { id: 'spmAckMs', label: 's·ack', title: 'host CLEAN → SPM CLEAN', numeric: true },
  { id: 'freeMs', label: 'free', title: 'SPM CLEAN → slot freed', numeric: true },
  { id: 'totalMs', label: 'total', title: 'request → slot freed', numeric: true },
  { id: 'result', label: 'result', title: 'how the request ended (stuck: no reply in time)' },
];

const RESULT_LOOK: Record<string, { glyph: string; word: string; step: string }> = {
  ok: { glyph: '✓', word: 'ok', step: 'replied' },
  failed: { glyph: '✗', word: 'failed (size 0)', step: 'failed' },
  mismatched: { glyph: '≠', word: 'mismatched', step: 'mismatched_reply' },
  unknown: { glyph: '·', word: 'reply not seen', step: 'host_acked' },
  abandoned: { glyph: '?', word: 'freed, no reply', step: 'unknown' },
};

function StepTime({ iso, asOf, now, inferred }: { iso: string | null; asOf: number | null; now: number; inferred?: boolean }) {
  if (iso === null) return <span className="text-faint">—</span>;
  const t = Date.parse(iso);
  const later = asOf !== null && t > asOf;
  return (
    <span className={later ? 'text-faint' : inferred ? 'text-muted italic' : ''} title={`${new Date(t).toLocaleString()}${inferred ? ' (not seen on its own: first seen together with a later step)' : ''}${later ? ' · after the read shown' : ''}`}>
      <span className="num">{formatClock(t)}</span>
      <span className="ml-1 text-[11px] text-muted">{formatAge(now - t)}</span>
    </span>
  );
}

function Latency({ ms }: { ms: number | null }) {
  return ms === null ? <span className="text-faint">—</span> : <span className="num">{formatSpan(ms)}</span>;
}

function Result({ r, stuck, stuckS }: { r: RequestJson; stuck: boolean; stuckS: number }) {
  if (stuck) {
    return (
      <span className="flex items-center gap-1 font-semibold text-(--ink-orange)" title={`no reply after ${stuckS} s${r.outsideWindow ? '; outside the SPM’s read window: it never reads this mailbox' : ''}`}>
        <span className="step h-[16px] w-[16px] text-[11px]" data-step="requested" data-stuck="">⏱</span>
        stuck{r.waitingMs !== null ? ` ${formatSpan(r.waitingMs)}` : ''}
      </span>
    );
  }
  const look = r.result ? RESULT_LOOK[r.result] : { glyph: '▲', word: 'waiting', step: 'requested' };
  return (
    <span className="flex items-center gap-1">
      <span className="step h-[16px] w-[16px] text-[11px]" data-step={look.step}>{look.glyph}</span>
      {look.word}
    </span>
  );
}

const uuidStart = (uuid: string) => `${uuid.slice(0, 8)}…`;

/** Every followed request: steps in local time and "ago", latencies, result. Stuck first; sortable; filterable. */
export function RequestsTable({ requests, isStuck, asOf, stuckS, selection, onSelect }: RequestsTableProps) {
  const now = useNow();
  const [sort, setSort] = useState<RequestSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => sortRequests(filterRequests(requests, filter), sort, isStuck), [requests, filter, sort, isStuck]);
  const stuckCount = useMemo(() => requests.filter(isStuck).length, [requests, isStuck]);
  const shown = rows.slice(0, MAX_ROWS);

  const sortBy = (id: RequestColumn) =>
    setSort((s) => (s.column === id ? { column: id, descending: !s.descending } : { column: id, descending: id === 'requested' }));

  return (
    <div className="text-[12px]" data-testid="requests">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-1">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="filter: host, domain or volume (7 · 8adbc85e · volume:d772)"
          aria-label="filter requests by host, domain or volume"
          className="w-[24rem] rounded-sm border border-line-strong bg-panel px-1.5 py-0.5"
        />
        <span className="text-muted">
          <span className="num text-fg">{rows.length}</span> of <span className="num">{requests.length}</span> requests
          {stuckCount > 0 && <> · <span className="font-semibold text-(--ink-orange)">⏱ {stuckCount} stuck</span> (no reply after {stuckS} s), listed first</>}
          {rows.length > MAX_ROWS && <> · showing the first {MAX_ROWS}: filter to see others</>}
        </span>
        <span className="ml-auto text-faint">times: local clock and how long ago · latencies: between the reads that first showed each step</span>
      </div>
      <table className="w-full border-collapse whitespace-nowrap" aria-label="requests">
        <thead className="sticky top-[30px] z-10 bg-panel text-muted">
          <tr className="border-b border-line-strong">
            {COLUMNS.map((c) => (
              <th key={c.id} scope="col" title={c.title} aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={`px-2 py-0.5 font-semibold ${c.numeric ? 'text-right' : 'text-left'}`}>
                <button type="button" className="hover:text-fg" onClick={() => sortBy(c.id)}>
                  {c.label}{sort.column === c.id ? (sort.descending ? ' ▾' : ' ▴') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const stuck = isStuck(r);
            const selected = selection?.host === r.host && (selection.slot === null || selection.slot === r.slot);
            const inferred = (step: string) => r.inferred.includes(step as never);
            return (
              <tr
                key={r.id}
                data-request-host={r.host}
                data-request-slot={r.slot}
                data-stuck={stuck ? '' : undefined}
                aria-selected={selected}
                onClick={() => onSelect(r.host, r.slot)}
                className={`cursor-pointer border-b border-line ${selected ? 'bg-(--selected-row)' : 'hover:bg-hover'} ${stuck ? 'stuck-row' : ''}`}
              >
                <td className="num px-2">{r.host}</td>
                <td className="num px-2">{r.slot}</td>
                <td className="px-2 font-mono text-muted" title={r.domain}>{uuidStart(r.domain)}</td>
                <td className="px-2 font-mono" title={r.volume}>{uuidStart(r.volume)}</td>
                <td className="num px-2" title={r.sizeMiB === null ? 'invalid size field' : `${r.sizeMiB} MiB`}>{r.sizeMiB === null ? '?' : humanMiB(r.sizeMiB)}</td>
                <td className="px-2">{r.partial ? <span title="already under way when the history began">≤ </span> : null}<StepTime iso={r.requestedAt} asOf={asOf} now={now} /></td>
                <td className="px-2"><StepTime iso={r.repliedAt} asOf={asOf} now={now} inferred={inferred('reply')} /></td>
                <td className="px-2"><StepTime iso={r.hostAckedAt} asOf={asOf} now={now} inferred={inferred('host_ack')} /></td>
                <td className="px-2"><StepTime iso={r.spmAckedAt} asOf={asOf} now={now} inferred={inferred('spm_ack')} /></td>
                <td className="px-2"><StepTime iso={r.freedAt} asOf={asOf} now={now} inferred={inferred('free')} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.replyMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.hostAckMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.spmAckMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.freeMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.totalMs} /></td>
                <td className="px-2"><Result r={r} stuck={stuck} stuckS={stuckS} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {requests.length === 0 && <p className="px-3 py-3 text-muted">No extend request seen in the history yet.</p>}
      {requests.length > 0 && rows.length === 0 && <p className="px-3 py-3 text-muted">No request matches “{filter}”.</p>}
    </div>
  );
}
