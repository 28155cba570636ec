'use client';

import type { ReactNode } from 'react';
import { HostName } from '@/components/ui/host-names';
import { formatClockMs, formatSpan, humanMiB } from '@/lib/format/units';
import { anchorMs, type DroppedMail, type QuotedLine, type StatSummary, type Timeline, type TimelineRequest } from '@/lib/vdsm-log';
import { FAILURE_WORDS } from './failure-words';

/** Beyond these, requests are summed up, not drawn or listed one by one: the failed first, then the longest waits. */
const MAX_DRAWN_REQUESTS = 400;
const MAX_LISTED_REQUESTS = 200;

const s3 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));
const clock = (ms: number | null) => (ms === null ? '–' : formatClockMs(ms));
const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/** Where `ms` sits between `start` and `end`, in percent of the lane. */
function scale(start: number, end: number) {
  const span = Math.max(1, end - start);
  return (ms: number) => ((ms - start) / span) * 100;
}

function Lane({ label, children, lane }: { label: ReactNode; children: ReactNode; lane: string }) {
  return (
    <div className="grid grid-cols-[11rem_minmax(0,1fr)] items-center border-b border-line" data-lane={lane}>
      <div className="flex min-w-0 items-baseline justify-end gap-1 truncate pr-2 text-[12px]">{label}</div>
      <div className="relative h-[20px]">{children}</div>
    </div>
  );
}

function where(q: QuotedLine | null): string {
  return q ? `${q.file}:${q.line}` : '';
}

/** Requests grouped into lanes by who sent them: one host, several candidates, or unknown. */
function laneOf(r: TimelineRequest): string {
  return r.hosts.length === 0 ? '?' : r.hosts.join(' or ');
}

function requestTitle(r: TimelineRequest): string {
  return [
    `volume ${r.volume}${r.domain ? ` in domain ${r.domain}` : ''}${r.sizeMiB !== null ? ` to ${humanMiB(r.sizeMiB)}` : ''}`,
    r.sent && `sent ${clock(r.sent.ms)} (${where(r.sent)})`,
    r.extended && `extended ${clock(r.extended.ms)} (${where(r.extended)})`,
    r.completed && `completed ${clock(r.completed.ms)} (${where(r.completed)})`,
    r.failed && `✗ failed ${clock(r.failed.ms)} (${where(r.failed)})`,
    r.queuedS !== null && `queued ${s3(r.queuedS)} s`,
    r.toCompletionS !== null && `extend → completed ${s3(r.toCompletionS)} s`,
  ].filter(Boolean).join('\n');
}

function RequestMark({ r, x }: { r: TimelineRequest; x: (ms: number) => number }) {
  const points = [r.sent?.ms, r.extended?.ms, r.completed?.ms].filter((v): v is number => v !== null && v !== undefined);
  if (points.length === 0) return null;
  const from = x(Math.min(...points));
  const to = x(Math.max(...points));
  const at = x(r.extended?.ms ?? r.sent?.ms ?? r.completed!.ms!);
  const ink = r.result === 'failed' ? 'var(--ink-vermillion)' : r.result === 'ok' ? 'var(--ink-green)' : 'var(--ink-blue)';
  return (
    <span data-timeline-request data-result={r.result ?? 'none'} data-queued-s={r.queuedS ?? undefined} title={requestTitle(r)}>
      <span className="absolute top-[9px] h-[2px]" style={{ left: `${from}%`, width: `max(2px, ${to - from}%)`, background: ink }} />
      <span className="absolute top-[1px] -translate-x-1/2 text-[11px] leading-none font-bold" style={{ left: `${at}%`, color: ink }}>{r.result === 'failed' ? '✗' : '▲'}</span>
    </span>
  );
}

function DropMark({ d, x }: { d: DroppedMail; x: (ms: number) => number }) {
  if (d.firstMs === null) return null;
  const words = FAILURE_WORDS[d.kind];
  const from = x(d.firstMs);
  const to = x(d.lastMs ?? d.firstMs);
  return (
    <span className="absolute top-[3px] h-[14px] rounded-sm" data-timeline-drop data-host={d.host} data-kind={d.kind} data-count={d.count}
      style={{ left: `${from}%`, width: `max(4px, ${to - from}%)`, background: `color-mix(in srgb, ${words.ink} 35%, transparent)`, boxShadow: `inset 0 0 0 1px ${words.ink}` }}
      title={`${words.glyph} ${words.word}: mailbox ${d.host} failed its checksum ${d.count}× from ${clock(d.firstMs)} to ${clock(d.lastMs)}; the SPM dropped its mail\n${d.why}\n${where(d.first)}`} />
  );
}

/** The requests drawn and listed when there are too many: every failed one, then the longest waits. */
function chosen(requests: TimelineRequest[], max: number): TimelineRequest[] {
  if (requests.length <= max) return requests;
  const wait = (r: TimelineRequest) => r.totalS ?? r.queuedS ?? r.toCompletionS ?? -1;
  const failed = requests.filter((r) => r.result === 'failed');
  const rest = requests.filter((r) => r.result !== 'failed').sort((a, b) => wait(b) - wait(a));
  return [...failed, ...rest].slice(0, max).sort((a, b) => (anchorMs(a) ?? 0) - (anchorMs(b) ?? 0));
}

function WaitRow({ name, s, count }: { name: string; s: StatSummary | null; count: number }) {
  return (
    <tr data-wait={name}>
      <td className="pr-2">{name}</td>
      <td className="num px-1 text-right">{count}</td>
      {s ? [s.min, s.p50, s.p95, s.max].map((v, i) => <td key={i} className="num px-1 text-right">{s3(v)}</td>) : <td colSpan={4} className="text-muted">–</td>}
    </tr>
  );
}

function Hosts({ hosts }: { hosts: number[] }) {
  if (hosts.length === 0) return <span className="text-muted">?</span>;
  return (
    <span className="flex flex-wrap items-baseline gap-x-1">
      {hosts.map((h, i) => <span key={h} className="flex items-baseline gap-1">{i > 0 && <span className="text-muted">or</span>}<span className="num">{h}</span><HostName id={h} className="max-w-[8rem] text-[10px]" /></span>)}
    </span>
  );
}

/**
 * One timeline of the opened logs and dumps: the logs' spans, each dump
 * read, per host the mail the SPM dropped and the requests it sent, and the
 * tables under it: the drops per host, how long requests waited, each
 * request with its lines.
 */
export function IncidentTimeline({ timeline: t }: { timeline: Timeline }) {
  if (t.startMs === null || t.endMs === null) return <p className="text-muted" data-log-timeline="empty">Nothing with a time in the opened logs.</p>;
  const x = scale(t.startMs, t.endMs);
  const drawn = chosen(t.requests, MAX_DRAWN_REQUESTS);
  const listed = chosen(t.requests, MAX_LISTED_REQUESTS);
  const dropHosts = [...new Set(t.drops.map((d) => d.host))].sort((a, b) => a - b);
  const requestLanes = [...new Set(drawn.map(laneOf))];
  const lanes = [...new Set([...dropHosts.map(String), ...requestLanes])];
  const failed = t.requests.filter((r) => r.result === 'failed');
  const count = (k: 'queuedS' | 'toCompletionS' | 'totalS') => t.requests.filter((r) => r[k] !== null).length;

  return (
    <section className="space-y-3" data-log-timeline>
      <h2 className="text-[15px] font-semibold">One timeline: logs and dumps</h2>
      <div className="flex justify-between text-[11px] text-muted">
        <span title={iso(t.startMs)}>{clock(t.startMs)}</span>
        <span>{formatSpan(t.endMs - t.startMs)}</span>
        <span title={iso(t.endMs)}>{clock(t.endMs)}</span>
      </div>
      <div className="rounded border border-line bg-panel">
        {t.files.map((f) => (
          <Lane key={f.name} lane="log" label={<span className="truncate font-mono text-muted" title={f.name}>{f.name}{f.hostIds.length ? ` (host ${f.hostIds.join(', ')})` : ''}</span>}>
            {f.firstMs !== null && <span className="absolute top-[8px] h-[4px] rounded-sm bg-line-strong" style={{ left: `${x(f.firstMs)}%`, width: `max(2px, ${x(f.lastMs ?? f.firstMs) - x(f.firstMs)}%)` }} title={`${f.name}: ${clock(f.firstMs)} → ${clock(f.lastMs)}`} />}
          </Lane>
        ))}
        {t.dumps.length > 0 && (
          <Lane lane="dumps" label={<span className="text-muted">dumps</span>}>
            {t.dumps.map((d) => (
              <span key={`${d.source}/${d.seq}`} className="absolute top-[2px] h-[16px] w-[2px] -translate-x-1/2" data-timeline-dump data-seq={d.seq} data-failing={d.failing.join(',')}
                style={{ left: `${x(d.at)}%`, background: d.failing.length ? 'var(--ink-vermillion)' : 'var(--ink-blue)' }}
                title={`read ${d.seq} of ${d.source} at ${clock(d.at)}${d.timesReal ? '' : ' (placed: the files\' times are out of order)'}: ${d.files.join(', ')}${d.failing.length ? `\nfailing: host ${d.failing.join(', ')}` : ''}`} />
            ))}
          </Lane>
        )}
        {lanes.map((lane) => (
          <Lane key={lane} lane={`host ${lane}`} label={lane === '?' ? <span className="text-muted">requests, host ?</span> : <>host <Hosts hosts={lane.split(' or ').map(Number)} /></>}>
            {t.drops.filter((d) => String(d.host) === lane).map((d, i) => <DropMark key={i} d={d} x={x} />)}
            {drawn.filter((r) => laneOf(r) === lane).map((r, i) => <RequestMark key={i} r={r} x={x} />)}
          </Lane>
        ))}
        {t.paused.length > 0 && (
          <Lane lane="paused" label={<span className="text-muted">VMs paused</span>}>
            {t.paused.map((p, i) => p.ms !== null && <span key={i} className="absolute top-[2px] h-[16px] w-[2px]" style={{ left: `${x(p.ms)}%`, background: 'var(--ink-orange)' }} title={`${p.text}\n${where(p)}`} />)}
          </Lane>
        )}
      </div>
      {drawn.length < t.requests.length && <p className="text-[12px] text-muted">{drawn.length} of {t.requests.length} requests drawn: every failed one, then the longest waits.</p>}
      {t.notes.map((n) => <p key={n} className="text-[12px]" style={{ color: 'var(--ink-orange)' }}>⚠ {n}</p>)}

      <section>
        <h3 className="font-semibold">Mail the SPM dropped, per host</h3>
        {t.drops.length === 0 ? <p className="text-muted">No <code>checksum failed</code> line in the opened logs.</p> : (
          <table className="w-full border-collapse text-[12px]" data-table="drops">
            <thead><tr>{['host', 'kind', 'failed reads', 'first → last', 'valid again', 'dumps of it', 'first line'].map((h) => <th key={h} className="border-b border-line px-1 text-left font-semibold">{h}</th>)}</tr></thead>
            <tbody>
              {[...t.drops].sort((a, b) => a.host - b.host || (a.firstMs ?? 0) - (b.firstMs ?? 0)).map((d, i) => {
                const words = FAILURE_WORDS[d.kind];
                return (
                  <tr key={i} className="border-b border-line" data-drop-row data-host={d.host} data-kind={d.kind}>
                    <td className="px-1"><Hosts hosts={[d.host]} /></td>
                    <td className="px-1 font-semibold" style={{ color: words.ink }} title={d.why}>{words.glyph} {words.word}</td>
                    <td className="num px-1">{d.count}</td>
                    <td className="px-1">{clock(d.firstMs)} → {clock(d.lastMs)}</td>
                    <td className="px-1">{d.healedAt ? clock(Date.parse(d.healedAt)) : '–'}</td>
                    <td className="px-1">{d.dumps.length ? d.dumps.map((x) => `read ${x.seq}`).join(', ') : '–'}</td>
                    <td className="px-1 font-mono text-muted" title={d.first.text}>{where(d.first)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h3 className="font-semibold">Requests: {t.requests.length} in the logs, {failed.length} failed</h3>
        {t.requests.length > 0 && (
          <table className="text-[12px]" data-waits>
            <thead><tr><th className="text-left">waited, seconds</th>{['count', 'min', 'p50', 'p95', 'max'].map((h) => <th key={h} className="px-1 text-right">{h}</th>)}</tr></thead>
            <tbody>
              <WaitRow name="send → extend" s={t.waits.queuedS} count={count('queuedS')} />
              <WaitRow name="extend → completed" s={t.waits.toCompletionS} count={count('toCompletionS')} />
              <WaitRow name="send → completed" s={t.waits.totalS} count={count('totalS')} />
            </tbody>
          </table>
        )}
        {listed.length > 0 && (
          <table className="mt-2 w-full border-collapse text-[12px]" data-table="timeline-requests">
            <thead><tr>{['result', 'host', 'volume', 'size', 'sent', 'extended', 'completed', 'queued', '→ completed', 'lines'].map((h) => <th key={h} className="border-b border-line px-1 text-left font-semibold">{h}</th>)}</tr></thead>
            <tbody>
              {listed.map((r, i) => (
                <tr key={i} className="border-b border-line" data-timeline-request-row data-result={r.result ?? 'none'}>
                  <td className="px-1">{r.result === 'failed' ? <span style={{ color: 'var(--ink-vermillion)' }}>✗ failed</span> : r.result === 'ok' ? <span style={{ color: 'var(--ink-green)' }}>✓ ok</span> : <span className="text-muted">–</span>}</td>
                  <td className="px-1" title={r.hostsFrom ? `from the ${r.hostsFrom}` : 'no log, dump or dropped mail names it'}><Hosts hosts={r.hosts} /></td>
                  <td className="px-1 font-mono" title={`${r.volume}${r.domain ? ` in domain ${r.domain}` : ''}`}>{r.volume.slice(0, 8)}…</td>
                  <td className="num px-1">{r.sizeMiB === null ? '–' : humanMiB(r.sizeMiB)}</td>
                  <td className="px-1">{clock(r.sent?.ms ?? null)}</td>
                  <td className="px-1">{clock(r.extended?.ms ?? null)}</td>
                  <td className="px-1">{clock(r.completed?.ms ?? null)}</td>
                  <td className="num px-1" data-queued>{r.queuedS === null ? '–' : `${s3(r.queuedS)} s`}</td>
                  <td className="num px-1">{r.toCompletionS === null ? '–' : `${s3(r.toCompletionS)} s`}</td>
                  <td className="px-1 font-mono text-muted">{[r.sent, r.extended, r.completed, r.failed].filter((q): q is QuotedLine => q !== null).map((q) => <span key={where(q)} className="mr-2" title={q.text}>{where(q)}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {listed.length < t.requests.length && <p className="text-[12px] text-muted">{listed.length} of {t.requests.length} requests listed: every failed one, then the longest waits.</p>}
      </section>
    </section>
  );
}
