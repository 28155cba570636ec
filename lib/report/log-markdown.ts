/**
 * What vdsm's logs say, as Markdown for a ticket: the mail the SPM dropped
 * per host (torn or garbage), failed extends, how long requests waited, the
 * dumps on the same timeline; every finding with its log lines quoted
 * (file:line and the line, shortened). Part of the incident summary on
 * /open, and the whole of the log reader's summary and the CLI's. Pure.
 */
import { FAILURE_KIND_LOOKS, MESSAGE_GLYPHS } from '@/lib/format/vocabulary';
import { formatSpan, humanMiB } from '@/lib/format/units';
import { hostLabel, mergeHostNames, type HostNames } from '@/lib/sources/host-names';
import type { DroppedMail, LogScanResult, QuotedLine, StatSummary, Timeline, TimelineRequest } from '@/lib/vdsm-log';
import { cell, utcDateTime, utcTime } from './markdown-format';

/** The scan of the opened logs and its timeline with the dumps. */
export interface LogFindings {
  scan: LogScanResult;
  timeline: Timeline;
}

const MAX_QUOTED_EPISODES = 20;
const MAX_LISTED = 10;

/** The report's UTC forms, from epoch ms ('?' when the log gave no time). */
const utc = (ms: number | null) => (ms === null ? '?' : utcTime(new Date(ms).toISOString()));
const utcDay = (ms: number | null) => (ms === null ? '?' : utcDateTime(new Date(ms).toISOString()));
const s3 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Inline code that survives any text: a fence longer than any run of backticks in it. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** "- `vdsm.log:84` (20:47:28.429 UTC) ``the line…``": a line as evidence. */
export function quote(q: QuotedLine, indent = ''): string {
  return `${indent}- ${code(`${q.file}:${q.line}`)}${q.ms !== null ? ` (${utc(q.ms)})` : ''} ${code(q.text)}`;
}

const hostsText = (r: TimelineRequest, names: HostNames) => (r.hosts.length === 0 ? 'host ?' : `host ${r.hosts.map((h) => hostLabel(h, names)).join(' or ')}`);

function droppedMessages(d: DroppedMail): string {
  if (d.messages.length === 0) return 'no message';
  return d.messages.map((m) => (m.kind === 'extend'
    ? `${MESSAGE_GLYPHS.extend} slot ${m.index} ${m.sizeMiB == null ? 'invalid size' : humanMiB(m.sizeMiB)} ${m.volume?.slice(0, 8)}…`
    : m.kind === 'clean' ? `${MESSAGE_GLYPHS.clean} slot ${m.index} CLEAN` : `${MESSAGE_GLYPHS.unknown} slot ${m.index} ${m.kind}`)).join(', ');
}

function files(scan: LogScanResult): string {
  return scan.files.map((f) => `${code(f.name)} (${f.lines} lines${f.firstTime ? `, ${f.firstTime} → ${f.lastTime}` : ''}${f.hostIds.length ? `, written as host id ${f.hostIds.join(', ')}` : ''}${f.complete ? '' : ', not read to the end'})`).join('; ');
}

function dropsSection(t: Timeline, names: HostNames, h: string): string[] {
  if (t.drops.length === 0) return ['', `${h} Mail the SPM dropped: none`, '', 'No `checksum failed` line in the opened logs.'];
  const hosts = [...new Set(t.drops.map((d) => d.host))].sort((a, b) => a - b);
  const out = ['', `${h} Mail the SPM dropped (\`checksum failed\`): ${plural(hosts.length, 'host')}, ${plural(t.drops.length, 'episode')}`, ''];
  for (const host of hosts) {
    const mine = t.drops.filter((d) => d.host === host);
    const kinds = [...new Set(mine.map((d) => d.kind))].map((k) => `${FAILURE_KIND_LOOKS[k].glyph} ${FAILURE_KIND_LOOKS[k].word}`).join(', ');
    const count = mine.reduce((n, d) => n + d.count, 0);
    out.push(`- **host ${hostLabel(host, names)}**: ${kinds}, ${plural(count, 'failed read')} in ${plural(mine.length, 'episode')}, ${utcDay(mine[0].firstMs)} → ${utc(mine[mine.length - 1].lastMs)}`);
  }
  const byHost = [...t.drops].sort((a, b) => a.host - b.host || (a.firstMs ?? 0) - (b.firstMs ?? 0));
  out.push('', '| host | kind | failed reads | first → last (UTC) | valid again | mail it held | dumps of it | first line |', '|---:|---|---:|---|---|---|---|---|');
  for (const d of byHost) {
    const look = FAILURE_KIND_LOOKS[d.kind];
    const dumps = d.dumps.length === 0 ? '—' : d.dumps.map((x) => `read ${x.seq}`).join(', ');
    out.push(`| ${cell(hostLabel(d.host, names))} | ${look.glyph} ${look.word} | ${d.count} | ${utc(d.firstMs)} → ${utc(d.lastMs)} | ${d.healedAt ? utc(Date.parse(d.healedAt)) : '—'} | ${cell(droppedMessages(d))} | ${dumps} | \`${cell(`${d.first.file}:${d.first.line}`)}\` |`);
  }
  out.push('', 'Why, and the lines (the first and last of each episode; vdsm logs the 4092 bytes of the mailbox, shortened here):', '');
  const advised = new Set<string>();
  for (const d of byHost.slice(0, MAX_QUOTED_EPISODES)) {
    // What to do is said once per host and kind: it does not change between episodes.
    const advice = advised.has(`${d.host}/${d.kind}`) ? '' : ` What to do: ${d.whatToDo}`;
    advised.add(`${d.host}/${d.kind}`);
    out.push(`- host ${hostLabel(d.host, names)}, ${FAILURE_KIND_LOOKS[d.kind].word}: ${d.why}.${advice}`);
    out.push(quote(d.first, '  '));
    if (d.last.line !== d.first.line || d.last.file !== d.first.file) out.push(`  - last: ${code(`${d.last.file}:${d.last.line}`)} (${utc(d.last.time === null ? null : Date.parse(d.last.time))})`);
  }
  if (byHost.length > MAX_QUOTED_EPISODES) out.push(`- … ${byHost.length - MAX_QUOTED_EPISODES} more episodes, in the table above`);
  return out;
}

function statRow(name: string, s: StatSummary | null, count: number): string {
  return s ? `| ${name} | ${count} | ${s3(s.min)} | ${s3(s.p50)} | ${s3(s.p95)} | ${s3(s.max)} |` : `| ${name} | 0 | – | – | – | – |`;
}

function requestLines(r: TimelineRequest, names: HostNames): string[] {
  const size = r.sizeMiB === null ? '' : ` to ${humanMiB(r.sizeMiB)}`;
  const waits = [r.queuedS !== null && `queued ${s3(r.queuedS)} s`, r.toCompletionS !== null && `extend → completed ${s3(r.toCompletionS)} s`, r.totalS !== null && `total ${s3(r.totalS)} s`].filter(Boolean).join(', ');
  return [
    `- ${r.result === 'failed' ? '✗' : r.result === 'ok' ? '✓' : '▲'} ${hostsText(r, names)}: volume ${code(r.volume)}${r.domain ? ` (domain ${code(r.domain)})` : ''}${size}${waits ? `: ${waits}` : ''}`,
    ...[r.sent, r.extended, r.completed, r.failed].filter((q): q is QuotedLine => q !== null).map((q) => quote(q, '  ')),
  ];
}

function requestsSection(findings: LogFindings, names: HostNames, h: string): string[] {
  const { scan, timeline: t } = findings;
  const count = (k: 'queuedS' | 'toCompletionS' | 'totalS') => t.requests.filter((r) => r[k] !== null).length;
  const failed = t.requests.filter((r) => r.result === 'failed');
  const out = ['', `${h} Extend requests: ${t.requests.length} in the logs, ${failed.length} failed`, ''];
  if (t.requests.length === 0) return [...out, 'No extend request lines (the SPM logs `processRequest: extending volume` at INFO; the hosts log their messages at DEBUG and `Extend volume … completed` at INFO).'];
  const clock = scan.extends;
  out.push(
    'How long they waited, in seconds (send: the HSM\'s message; extend: the SPM\'s `processRequest`; completed: the host\'s `Extend volume … completed`):', '',
    '| from → to | count | min | p50 | p95 | max |', '|---|---:|---:|---:|---:|---:|',
    statRow('send → extend', t.waits.queuedS, count('queuedS')),
    statRow('extend → completed', t.waits.toCompletionS, count('toCompletionS')),
    statRow('send → completed', t.waits.totalS, count('totalS')),
  );
  if (clock.count > 0) out.push(statRow('the host\'s own clock: total', clock.totalS, clock.count), statRow('the host\'s own clock: wait', clock.waitS, clock.count));
  if (failed.length > 0) {
    out.push('', `Failed extends (the SPM logged an exception): ${failed.length}`, '');
    for (const r of failed.slice(0, MAX_LISTED)) out.push(...requestLines(r, names));
    if (failed.length > MAX_LISTED) out.push(`- … ${failed.length - MAX_LISTED} more`);
  }
  const waited = t.requests.filter((r) => r.result !== 'failed' && (r.totalS ?? r.queuedS) !== null)
    .sort((a, b) => (b.totalS ?? b.queuedS!) - (a.totalS ?? a.queuedS!));
  if (waited.length > 0) {
    out.push('', `Longest waits (${Math.min(MAX_LISTED, waited.length)} of ${waited.length}):`, '');
    for (const r of waited.slice(0, MAX_LISTED)) out.push(...requestLines(r, names));
  }
  const unanswered = t.requests.filter((r) => r.sent && !r.extended);
  if (unanswered.length > 0) {
    out.push('', `Sent, with no extend in the opened logs: ${unanswered.length} (dropped by the SPM, or its log is not among these)`, '');
    for (const r of unanswered.slice(0, MAX_LISTED)) out.push(...requestLines(r, names));
  }
  return out;
}

function contextLines(findings: LogFindings, names: HostNames): string[] {
  const { scan, timeline: t } = findings;
  const out = [`- **Logs:** ${files(scan)}`];
  if (t.dumps.length > 0) {
    out.push(`- **Dumps on the same timeline** (their files' times): ${t.dumps.map((d) => `read ${d.seq} at ${utc(d.at)} (${d.files.map(code).join(', ')})${d.failing.length ? `, failing: host ${d.failing.map((h) => hostLabel(h, names)).join(', ')}` : ''}`).join('; ')}`);
  }
  if (t.hostNames.length > 0) out.push(`- **Host names from where the logs were found:** ${t.hostNames.map((n) => `${n.host} = ${n.name} (${code(n.file)})`).join('; ')}`);
  for (const note of t.notes) out.push(`- ⚠ ${note}`);
  return out;
}

function otherSections(scan: LogScanResult, h: string): string[] {
  const out: string[] = [];
  if (scan.pausedVms.length) out.push('', `${h} VMs paused: ${scan.pausedVms.length}`, '', ...scan.pausedVms.slice(0, MAX_LISTED * 2).map((p) => `- ${p.time} VM ${p.vmId ?? '?'} device ${p.device} ${p.error}: ${code(`${p.file}:${p.line}`)}`));
  if (scan.unknownMessages.length) out.push('', `${h} Unknown message types: ${scan.unknownMessages.length}`, '', ...scan.unknownMessages.slice(0, MAX_LISTED * 2).map((u) => `- ${u.time} ${code(u.opcode)}: ${code(`${u.file}:${u.line}`)}`));
  return out;
}

/** The log findings, under headings of `level` (3: `###`), for the incident summary or on their own; `names` win over those the logs' folders give. */
export function logSection(findings: LogFindings, given: HostNames, level = 3): string[] {
  const h = '#'.repeat(level);
  const names = mergeHostNames(given, new Map(findings.timeline.hostNames.map((n) => [n.host, n.name])));
  const span = findings.timeline.startMs === null ? '' : `: ${utcDay(findings.timeline.startMs)} → ${utc(findings.timeline.endMs)} (${formatSpan(findings.timeline.endMs! - findings.timeline.startMs)})`;
  return [
    `${h} vdsm logs${span}`, '',
    ...contextLines(findings, names),
    ...dropsSection(findings.timeline, names, `${h}#`),
    ...requestsSection(findings, names, `${h}#`),
    ...otherSections(findings.scan, `${h}#`),
  ];
}

/** The log reader's summary (its copy button, the CLI): the findings alone. */
export function logReport(findings: LogFindings, names: HostNames = new Map()): string {
  return [...logSection(findings, names, 2), '', `<sub>Mailbox Inspector. ${findings.scan.files.length} log file(s), ${findings.scan.lines} lines; stored checksums are not in vdsm's log (vdsm#205): \`expected\` is the one vdsm computed.</sub>`, ''].join('\n');
}
