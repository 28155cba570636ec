'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { RequestJson } from '@/lib/api/history-types';
import { RESULT_LOOKS, WAITING_LOOK } from '@/lib/format/vocabulary';
import { formatAge, formatClock, formatSpan, humanMiB } from '@/lib/format/units';
import { HostName } from '@/components/ui/host-names';
import { useNow } from '@/components/ui/use-now';
import { DEFAULT_SORT, filterRequests, sortRequests, type RequestColumn, type RequestSort } from './requests-model';

/** A row's height in px (one line of 12 px text); rows outside the drawer's view are not drawn. */
const ROW_PX = 21;

interface RequestsTableProps {
  requests: readonly RequestJson[];
  isStuck: (r: RequestJson) => boolean;
  /** epoch ms of the read shown: later steps are greyed while time travelling */
  asOf: number | null;
  stuckS: number;
  /** a static source (a dump): nothing answers, so an open request has "no reply in this dump" */
  static?: boolean;
  selection: { host: number; slot: number | null } | null;
  onSelect: (host: number, slot: number) => void;
  /** the read that first showed a step (its time is that read's time); null once it left the history */
  seqAt?: (iso: string) => number | null;
  /** shows read `seq` with this request's slot selected */
  onOpenRead?: (seq: number, host: number, slot: number) => void;
}

interface StepLink {
  seqAt?: (iso: string) => number | null;
  open?: (seq: number) => void;
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


function StepTime({ iso, asOf, now, inferred, link }: { iso: string | null; asOf: number | null; now: number; inferred?: boolean; link: StepLink }) {
  if (iso === null) return <span className="text-faint">—</span>;
  const t = Date.parse(iso);
  const later = asOf !== null && t > asOf;
  const seq = link.seqAt?.(iso) ?? null;
  const title = `${new Date(t).toLocaleString()}${seq !== null ? ` · read #${seq}: click to see it` : ''}${inferred ? ' (not seen on its own: first seen together with a later step)' : ''}${later ? ' · after the read shown' : ''}`;
  const text = (
    <>
      <span className="num">{formatClock(t)}</span>
      <span className="ml-1 text-[11px] text-muted">{formatAge(now - t)}</span>
    </>
  );
  const look = later ? 'text-faint' : inferred ? 'text-muted italic' : '';
  if (seq === null || !link.open) return <span className={look} title={title}>{text}</span>;
  return (
    <button type="button" className={`${look} underline decoration-dotted underline-offset-2 hover:text-fg`} title={title} data-step-seq={seq}
      onClick={(e) => { e.stopPropagation(); link.open!(seq); }}>
      {text}
    </button>
  );
}

function Latency({ ms }: { ms: number | null }) {
  return ms === null ? <span className="text-faint">—</span> : <span className="num">{formatSpan(ms)}</span>;
}

function Result({ r, stuck, stuckS, still }: { r: RequestJson; stuck: boolean; stuckS: number; still: boolean }) {
  if (stuck) {
    return (
      <span className="flex items-center gap-1 font-semibold text-(--ink-orange)" title={`no reply after ${stuckS} s${r.outsideWindow ? '; outside the SPM’s read window: it never reads this mailbox' : ''}`}>
        <span className="step h-[16px] w-[16px] text-[11px]" data-step="requested" data-stuck="">⏱</span>
        stuck{r.waitingMs !== null ? ` ${r.partial ? '≥ ' : ''}${formatSpan(r.waitingMs)}` : ''}
      </span>
    );
  }
  const waiting = still ? 'no reply in this dump' : r.partial && r.waitingMs !== null ? `waiting ≥ ${formatSpan(r.waitingMs)}` : 'waiting';
  const look = r.result ? RESULT_LOOKS[r.result] : { ...WAITING_LOOK, word: waiting };
  return (
    <span className="flex items-center gap-1">
      <span className="step h-[16px] w-[16px] text-[11px]" data-step={look.step}>{look.glyph}</span>
      {look.word}
    </span>
  );
}

const uuidStart = (uuid: string) => `${uuid.slice(0, 8)}…`;

/** Every followed request: steps in local time and "ago", latencies, result. Stuck first; sortable; filterable. */
export function RequestsTable({ requests, isStuck, asOf, stuckS, static: still = false, selection, onSelect, seqAt, onOpenRead }: RequestsTableProps) {
  const now = useNow();
  const [sort, setSort] = useState<RequestSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => sortRequests(filterRequests(requests, filter), sort, isStuck), [requests, filter, sort, isStuck]);
  const stuckCount = useMemo(() => requests.filter(isStuck).length, [requests, isStuck]);
  // Every request is listed, however many: only the rows in view are drawn (the drawer is what scrolls).
  const tableRef = useRef<HTMLTableElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => tableRef.current?.closest('[role="tabpanel"]') ?? null,
    estimateSize: () => ROW_PX,
    overscan: 30,
    scrollMargin: tableRef.current?.offsetTop ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const padTop = items.length > 0 ? items[0].start - margin : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - margin) : 0;

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
        </span>
        <span className="ml-auto text-faint">times: local clock and how long ago · latencies: between the reads that first showed each step</span>
      </div>
      <table ref={tableRef} className="w-full border-collapse whitespace-nowrap" aria-label="requests" aria-rowcount={rows.length + 1}>
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
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const r = rows[item.index];
            const stuck = isStuck(r);
            const selected = selection?.host === r.host && (selection.slot === null || selection.slot === r.slot);
            const inferred = (step: string) => r.inferred.includes(step as never);
            const link: StepLink = { seqAt, open: onOpenRead && ((seq) => onOpenRead(seq, r.host, r.slot)) };
            return (
              <tr
                key={r.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_PX }}
                data-request-host={r.host}
                data-request-slot={r.slot}
                data-stuck={stuck ? '' : undefined}
                aria-selected={selected}
                onClick={() => onSelect(r.host, r.slot)}
                className={`cursor-pointer border-b border-line ${selected ? 'bg-(--selected-row)' : 'hover:bg-hover'} ${stuck ? 'stuck-row' : ''}`}
              >
                <td className="num max-w-[9rem] px-2"><span className="flex items-baseline gap-1">{r.host}<HostName id={r.host} className="text-[10px]" /></span></td>
                <td className="num px-2">{r.slot}</td>
                <td className="px-2 font-mono text-muted" title={r.domain}>{uuidStart(r.domain)}</td>
                <td className="px-2 font-mono" title={r.volume}>{uuidStart(r.volume)}</td>
                <td className="num px-2" title={r.sizeMiB === null ? 'invalid size field' : `${r.sizeMiB} MiB`}>{r.sizeMiB === null ? '?' : humanMiB(r.sizeMiB)}</td>
                <td className="px-2">{r.partial ? <span title="already under way at the inspector's first read: sent at or before this time">≤ </span> : null}<StepTime iso={r.requestedAt} asOf={asOf} now={now} link={link} /></td>
                <td className="px-2"><StepTime iso={r.repliedAt} asOf={asOf} now={now} inferred={inferred('reply')} link={link} /></td>
                <td className="px-2"><StepTime iso={r.hostAckedAt} asOf={asOf} now={now} inferred={inferred('host_ack')} link={link} /></td>
                <td className="px-2"><StepTime iso={r.spmAckedAt} asOf={asOf} now={now} inferred={inferred('spm_ack')} link={link} /></td>
                <td className="px-2"><StepTime iso={r.freedAt} asOf={asOf} now={now} inferred={inferred('free')} link={link} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.replyMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.hostAckMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.spmAckMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.freeMs} /></td>
                <td className="px-2 text-right"><Latency ms={r.latency.totalMs} /></td>
                <td className="px-2"><Result r={r} stuck={stuck} stuckS={stuckS} still={still} /></td>
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </tbody>
      </table>
      {requests.length === 0 && <p className="px-3 py-3 text-muted">No extend request seen in the history yet.</p>}
      {requests.length > 0 && rows.length === 0 && <p className="px-3 py-3 text-muted">No request matches “{filter}”.</p>}
    </div>
  );
}
