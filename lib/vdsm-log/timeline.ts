/**
 * One timeline of an incident: what vdsm logged and when each opened dump
 * was read. The mail the SPM dropped (checksum-failure episodes per host,
 * torn or garbage), each extend request from the HSM's send through the
 * SPM's extend to the host's completion, joined across the hosts' and the
 * SPM's logs by (domain, volume) and time, the extends that failed, and how
 * long requests waited. Pure: a log scan's JSON and plain dump reads in,
 * plain data out, the same in the browser, the server and the CLI.
 */
import { learnHostNames, type LearntName } from './learnt-names';
import { summarize } from './stats';
import type { ChecksumFailureEpisode, ExtendCompletion, FailureKind, HsmMessage, LogScanResult, SlotSummary, StatSummary } from './types';

/** Records of one request further apart than this are not joined (a round trip takes seconds; a stuck one, minutes). */
export const JOIN_WINDOW_MS = 15 * 60_000;
/** A dump read this close to an episode's first or last failure may have caught it (the SPM reads every 2 s or so). */
export const DURING_SLACK_MS = 5_000;
/** Quoted lines are cut here; a `checksum failed` line keeps its head and the start of its data (the whole is 16 KB). */
const QUOTE_CHARS = 300;
const DATA_CHARS = 40;

/** An extend request in a dump's inbox: ties a volume to the host asking for it. */
export interface DumpRequest {
  host: number;
  slot: number;
  domain: string;
  volume: string;
  sizeMiB: number | null;
}

/** One read of opened dumps (a step of a series): when, which files, what it showed. */
export interface DumpRead {
  /** the opened series it belongs to (its source id) */
  source: string;
  seq: number;
  /** epoch ms: the files' modification time, or placed 1 s apart when those are out of order */
  at: number;
  /** false when `at` is placed, not the files' own time */
  timesReal: boolean;
  files: string[];
  /** hosts whose inbox mailbox fails its checksum in this read */
  failing: number[];
  requests: DumpRequest[];
}

/** A log line as evidence: where, when, and its text (shortened). */
export interface QuotedLine {
  file: string;
  line: number;
  time: string | null;
  /** epoch ms of `time`; null when the line had none */
  ms: number | null;
  text: string;
}

/** The mail of one host the SPM dropped: one checksum-failure episode. */
export interface DroppedMail {
  host: number;
  kind: FailureKind;
  count: number;
  firstMs: number | null;
  lastMs: number | null;
  healedAt: string | null;
  why: string;
  whatToDo: string;
  /** what the logged mailbox held: the messages the SPM did not read */
  messages: SlotSummary[];
  first: QuotedLine;
  last: { file: string; line: number; time: string | null };
  /** dumps read during the episode that show the mailbox failing too */
  dumps: Array<{ source: string; seq: number }>;
}

export type HostsFrom = 'log' | 'dump' | 'dropped mail';

/** One extend request as the logs tell it; any of its three lines may be missing from the opened logs. */
export interface TimelineRequest {
  /** null when only a completion was logged (it names the volume only) */
  domain: string | null;
  volume: string;
  sizeMiB: number | null;
  /** the hosts that may have sent it (one when known); empty when nothing says */
  hosts: number[];
  hostsFrom: HostsFrom | null;
  /** the HSM's message (`HSM_MailMonitor - start: …, message(k/63)`), just before it sends mail to the SPM */
  sent: QuotedLine | null;
  /** the SPM's `processRequest: extending volume` */
  extended: QuotedLine | null;
  /** the host's `Extend volume … completed` */
  completed: QuotedLine | null;
  /** the SPM's `Exception caught while trying to extend volume` */
  failed: QuotedLine | null;
  result: 'ok' | 'failed' | null;
  /** seconds: send → extend, extend → completion, send → completion */
  queuedS: number | null;
  toCompletionS: number | null;
  totalS: number | null;
  /** the completion's own clock (thinp's total and wait) */
  clock: { totalS: number | null; waitS: number | null } | null;
}

export interface TimelineFile {
  name: string;
  hostIds: number[];
  firstMs: number | null;
  lastMs: number | null;
}

export interface PausedMark extends QuotedLine {
  vmId: string | null;
  error: string;
}

export interface Timeline {
  /** the span of everything on it: logs, dumps, records */
  startMs: number | null;
  endMs: number | null;
  files: TimelineFile[];
  drops: DroppedMail[];
  dumps: DumpRead[];
  requests: TimelineRequest[];
  waits: { queuedS: StatSummary | null; toCompletionS: StatSummary | null; totalS: StatSummary | null };
  paused: PausedMark[];
  hostNames: LearntName[];
  /** what the reader must know to trust the times (offsets, dumps outside the logs) */
  notes: string[];
}

/** A log line's ISO time as epoch ms; without an offset it is read as UTC, as the scanner reads it. */
export function timeMs(time: string | null): number | null {
  if (time === null) return null;
  const ms = Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(time) ? time : `${time}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** A line shortened to quote: a `checksum failed` line to its head and the start of its data, others to 300 characters. */
export function shortLine(text: string): string {
  const data = text.indexOf("(data=b'");
  const cut = data >= 0 ? Math.min(text.length, data + 8 + DATA_CHARS) : Math.min(text.length, QUOTE_CHARS);
  if (cut >= text.length) return text;
  // Never end inside an escape (`\xe`): cut before it.
  return `${text.slice(0, cut).replace(/\\(x[0-9a-fA-F]?)?$/, '').replace(/…$/, '')}…`;
}

function quoted(place: { file: string; line: number; time: string | null }, text: string): QuotedLine {
  return { file: place.file, line: place.line, time: place.time, ms: timeMs(place.time), text: shortLine(text) };
}

const seconds = (from: QuotedLine | null, to: QuotedLine | null) => (from?.ms != null && to?.ms != null ? (to.ms - from.ms) / 1000 : null);

/** Records waiting to be joined, in time order; `take` gives the earliest not yet joined within a window. */
class Queue<T> {
  private next = 0;
  constructor(readonly items: Array<{ value: T; ms: number; used: boolean }>) {}

  /** Windows must come with `from` never decreasing: what lies before it is left for later passes. */
  take(from: number, to: number): T | null {
    while (this.next < this.items.length && (this.items[this.next].used || this.items[this.next].ms < from)) this.next++;
    const item = this.items[this.next];
    if (!item || item.ms > to) return null;
    item.used = true;
    this.next++;
    return item.value;
  }

  unused(): T[] {
    return this.items.filter((i) => !i.used).map((i) => i.value);
  }
}

function queues<T>(list: readonly T[], keyOf: (t: T) => string | null, msOf: (t: T) => number | null): Map<string, Queue<T>> {
  const groups = new Map<string, Array<{ value: T; ms: number; used: boolean }>>();
  for (const value of list) {
    const key = keyOf(value);
    const ms = msOf(value);
    if (key === null || ms === null) continue;
    const group = groups.get(key) ?? [];
    group.push({ value, ms, used: false });
    groups.set(key, group);
  }
  return new Map([...groups].map(([k, items]) => [k, new Queue(items.sort((a, b) => a.ms - b.ms))]));
}

const requestKey = (domain: string | null | undefined, volume: string | null | undefined) => (domain && volume ? `${domain}/${volume}` : null);

function emptyRequest(volume: string): TimelineRequest {
  return {
    domain: null, volume, sizeMiB: null, hosts: [], hostsFrom: null, sent: null, extended: null, completed: null, failed: null,
    result: null, queuedS: null, toCompletionS: null, totalS: null, clock: null,
  };
}

function withSent(r: TimelineRequest, h: HsmMessage | null): void {
  if (!h) return;
  r.sent = quoted(h, h.quote);
  r.domain ??= h.domain ?? null;
  r.sizeMiB ??= h.sizeMiB ?? null;
}

function withCompleted(r: TimelineRequest, c: ExtendCompletion | null): void {
  if (!c) return;
  r.completed = quoted(c, c.quote);
  r.clock = { totalS: c.totalS, waitS: c.waitS };
}

/**
 * Requests in time order: each SPM extend with the earliest HSM message for the same domain and volume
 * before it and the earliest completion of the volume after it; then messages no extend answered (the
 * SPM's log is missing, or it never extended), then completions of requests neither was logged for.
 */
function joinRequests(scan: LogScanResult): TimelineRequest[] {
  const sent = queues(scan.hsmMessages.filter((h) => h.kind === 'extend'), (h) => requestKey(h.domain, h.volume), (h) => timeMs(h.time));
  const done = queues(scan.extends.series, (c) => c.volume, (c) => timeMs(c.time));
  const out: TimelineRequest[] = [];
  const extends_ = [...scan.requests].map((r) => ({ r, ms: timeMs(r.time) })).sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0));
  for (const { r, ms } of extends_) {
    const request = { ...emptyRequest(r.volume), domain: r.domain, sizeMiB: r.sizeMiB, extended: quoted(r, r.quote) };
    if (ms !== null) {
      withSent(request, sent.get(requestKey(r.domain, r.volume)!)?.take(ms - JOIN_WINDOW_MS, ms) ?? null);
      withCompleted(request, done.get(r.volume)?.take(ms, ms + JOIN_WINDOW_MS) ?? null);
    }
    if (r.result === 'failed' && r.failedLine !== null) {
      request.failed = quoted({ file: r.failedFile ?? r.file, line: r.failedLine, time: r.failedTime }, r.failedQuote ?? '');
    }
    out.push(request);
  }
  // Completions left over go to messages left over, then stand alone.
  const leftDone = queues([...done.values()].flatMap((q) => q.unused()), (c) => c.volume, (c) => timeMs(c.time));
  const leftSent = [...sent.values()].flatMap((q) => q.unused()).sort((a, b) => (timeMs(a.time) ?? 0) - (timeMs(b.time) ?? 0));
  for (const h of leftSent) {
    const request = emptyRequest(h.volume!);
    withSent(request, h);
    const ms = request.sent!.ms!;
    withCompleted(request, leftDone.get(h.volume!)?.take(ms, ms + JOIN_WINDOW_MS) ?? null);
    out.push(request);
  }
  for (const c of [...leftDone.values()].flatMap((q) => q.unused())) {
    const request = emptyRequest(c.volume);
    withCompleted(request, c);
    out.push(request);
  }
  for (const r of out) {
    r.result = r.failed ? 'failed' : r.completed ? 'ok' : null;
    r.queuedS = seconds(r.sent, r.extended);
    r.toCompletionS = seconds(r.extended, r.completed);
    r.totalS = seconds(r.sent, r.completed);
  }
  return out.sort((a, b) => (anchorMs(a) ?? 0) - (anchorMs(b) ?? 0));
}

/** When a request happened: its extend, else its send, else its completion. */
export function anchorMs(r: TimelineRequest): number | null {
  return r.extended?.ms ?? r.sent?.ms ?? r.completed?.ms ?? null;
}

function messagesOf(e: ChecksumFailureEpisode): SlotSummary[] {
  const seen = new Set<string>();
  const out: SlotSummary[] = [];
  for (const s of e.variants.flatMap((v) => v.slots)) {
    const key = `${s.index}/${s.kind}/${s.volume ?? ''}/${s.sizeMiB ?? ''}`;
    if (!seen.has(key)) out.push(s);
    seen.add(key);
  }
  return out.sort((a, b) => a.index - b.index);
}

function dropOf(e: ChecksumFailureEpisode): DroppedMail {
  const firstMs = timeMs(e.firstTime);
  return {
    host: e.mailbox, kind: e.kind, count: e.count, firstMs, lastMs: timeMs(e.lastTime) ?? firstMs, healedAt: e.healedAt, why: e.why, whatToDo: e.whatToDo,
    messages: messagesOf(e),
    first: quoted({ file: e.firstFile, line: e.firstLine, time: e.firstTime }, e.quote),
    last: { file: e.lastFile, line: e.lastLine, time: e.lastTime },
    dumps: [],
  };
}

/** Each dump showing a host's mailbox failing goes to that host's drop nearest in time, if one is within DURING_SLACK_MS. */
function dumpsDuringDrops(drops: DroppedMail[], dumps: readonly DumpRead[]): void {
  const distance = (d: DumpRead, e: DroppedMail) => (d.at < e.firstMs! ? e.firstMs! - d.at : d.at > e.lastMs! ? d.at - e.lastMs! : 0);
  for (const dump of dumps) {
    for (const host of dump.failing) {
      let best: DroppedMail | null = null;
      for (const e of drops) {
        if (e.host !== host || e.firstMs === null || distance(dump, e) > DURING_SLACK_MS) continue;
        if (!best || distance(dump, e) < distance(dump, best)) best = e;
      }
      best?.dumps.push({ source: dump.source, seq: dump.seq });
    }
  }
}

/**
 * Who sent a request: the host id of the log its send or completion is in, else the hosts whose
 * mailbox held that volume in a dump, else in mail the SPM dropped, near the request's time.
 */
function assignHosts(requests: TimelineRequest[], scan: LogScanResult, dumps: readonly DumpRead[], drops: readonly DroppedMail[]): void {
  const fileHosts = new Map(scan.files.map((f) => [f.name, f.hostIds]));
  const inDumps = new Map<string, Array<{ host: number; ms: number; domain: string }>>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const d of dumps) for (const q of d.requests) add(inDumps, q.volume, { host: q.host, ms: d.at, domain: q.domain });
  const inDrops = new Map<string, Array<{ host: number; from: number; to: number; domain: string | undefined }>>();
  for (const e of drops) {
    if (e.firstMs === null) continue;
    for (const m of e.messages) {
      if (m.kind === 'extend' && m.volume) add(inDrops, m.volume, { host: e.host, from: e.firstMs, to: e.lastMs!, domain: m.domain });
    }
  }
  const sameDomain = (r: TimelineRequest, domain: string | undefined) => r.domain === null || domain === undefined || r.domain === domain;
  const unique = (hosts: number[]) => [...new Set(hosts)].sort((a, b) => a - b);
  for (const r of requests) {
    const own = [r.sent, r.completed].map((q) => (q ? fileHosts.get(q.file) ?? [] : [])).find((ids) => ids.length === 1);
    if (own) {
      r.hosts = own;
      r.hostsFrom = 'log';
      continue;
    }
    const at = anchorMs(r);
    const dumped = (inDumps.get(r.volume) ?? []).filter((d) => sameDomain(r, d.domain));
    const near = at === null ? [] : dumped.filter((d) => Math.abs(d.ms - at) <= JOIN_WINDOW_MS);
    if (dumped.length > 0) {
      r.hosts = unique((near.length > 0 ? near : dumped).map((d) => d.host));
      r.hostsFrom = 'dump';
      continue;
    }
    const dropped = at === null ? [] : (inDrops.get(r.volume) ?? [])
      .filter((d) => sameDomain(r, d.domain) && at >= d.from - JOIN_WINDOW_MS && at <= d.to + JOIN_WINDOW_MS);
    if (dropped.length > 0) {
      r.hosts = unique(dropped.map((d) => d.host));
      r.hostsFrom = 'dropped mail';
    }
  }
}

function notesOf(scan: LogScanResult, files: TimelineFile[], dumps: readonly DumpRead[]): string[] {
  const notes: string[] = [];
  const local = scan.files.filter((f) => [f.firstTime, f.lastTime].some((t) => t !== null && !/(Z|[+-]\d\d:\d\d)$/.test(t)));
  if (local.length > 0) {
    notes.push(`the times of ${local.map((f) => f.name).join(', ')} carry no UTC offset: read as UTC, so if that host's clock was not on UTC, its lines sit off the dumps and the other logs by its offset`);
  }
  if (dumps.some((d) => !d.timesReal)) notes.push('some dumps\' modification times do not follow their order: those reads are placed 1 s apart, not at the time they were taken');
  const starts = files.map((f) => f.firstMs).filter((v): v is number => v !== null);
  const ends = files.map((f) => f.lastMs).filter((v): v is number => v !== null);
  if (starts.length > 0 && dumps.length > 0) {
    const from = Math.min(...starts);
    const to = Math.max(...ends);
    const outside = dumps.filter((d) => d.at < from || d.at > to);
    if (outside.length > 0) {
      notes.push(`${outside.length} of ${dumps.length} dump reads fall outside the logs' span (${new Date(from).toISOString()} → ${new Date(to).toISOString()}), by the files' modification times: a copy may have changed those`);
    }
  }
  return notes;
}

/** The timeline of a log scan and the dumps opened with it (none: the logs alone). */
export function buildTimeline(scan: LogScanResult, dumps: readonly DumpRead[] = []): Timeline {
  const orderedDumps = [...dumps].sort((a, b) => a.at - b.at || a.source.localeCompare(b.source) || a.seq - b.seq);
  const files = scan.files.map((f) => ({ name: f.name, hostIds: f.hostIds, firstMs: timeMs(f.firstTime), lastMs: timeMs(f.lastTime) }));
  const drops = scan.checksumFailures.map(dropOf).sort((a, b) => (a.firstMs ?? 0) - (b.firstMs ?? 0) || a.host - b.host);
  dumpsDuringDrops(drops, orderedDumps);
  const requests = joinRequests(scan);
  assignHosts(requests, scan, orderedDumps, drops);
  const values = (k: 'queuedS' | 'toCompletionS' | 'totalS') => requests.map((r) => r[k]).filter((v): v is number => v !== null);
  const paused = scan.pausedVms.map((p) => ({ ...quoted(p, `VM ${p.vmId ?? '?'} paused: device ${p.device} error ${p.error}`), vmId: p.vmId, error: p.error }));
  const times = [
    ...files.flatMap((f) => [f.firstMs, f.lastMs]), ...orderedDumps.map((d) => d.at), ...drops.flatMap((d) => [d.firstMs, d.lastMs]),
    ...requests.flatMap((r) => [r.sent?.ms, r.extended?.ms, r.completed?.ms]), ...paused.map((p) => p.ms),
  ].filter((v): v is number => typeof v === 'number');
  const learnt = learnHostNames(scan.files);
  // A loop, not Math.min(...times): a long log has more records than a call takes arguments.
  let startMs: number | null = null;
  let endMs: number | null = null;
  for (const t of times) {
    if (startMs === null || t < startMs) startMs = t;
    if (endMs === null || t > endMs) endMs = t;
  }
  return {
    startMs,
    endMs,
    files,
    drops,
    dumps: orderedDumps,
    requests,
    waits: { queuedS: summarize(values('queuedS')), toCompletionS: summarize(values('toCompletionS')), totalS: summarize(values('totalS')) },
    paused,
    hostNames: learnt.names,
    notes: [...notesOf(scan, files, orderedDumps), ...learnt.notes],
  };
}
