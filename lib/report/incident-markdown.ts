/**
 * "Copy incident summary": Markdown ready to paste into a ticket, with the
 * glyphs of the UI (UI.md) so it reads the same as the screen. Pure: takes
 * plain data (the API's JSON shapes plus the mailbox bytes to dump).
 */
import type { EpisodeJson, EpisodeVerdict, RequestJson } from '@/lib/api/history-types';
import { assertNever, hexdumpC } from '@/lib/mailbox';
import { formatSpan as duration, humanMiB } from '@/lib/format/units';
import { hostLabel, type HostNames } from '@/lib/sources/host-names';
import { MESSAGE_GLYPHS, RESULT_LOOKS, STUCK_GLYPH, VERDICT_WORDS, WAITING_LOOK } from '@/lib/format/vocabulary';
import { logSection, type LogFindings } from './log-markdown';
import { cell, percentile, utcDateTime, utcTime } from './markdown-format';

/** A requested size, in the screen's words; a slot whose size field is not 16 hex digits has none. */
const mib = (sizeMiB: number | null | undefined) => (sizeMiB === null || sizeMiB === undefined ? 'invalid size' : humanMiB(sizeMiB));

export interface IncidentMailbox {
  host: number;
  volume: 'inbox' | 'outbox';
  seq: number;
  /** 4096 bytes */
  bytes: Uint8Array;
  /** why it is shown, e.g. "✗ TORN, sectors 0-4 new, 5-7 old" */
  note: string;
}

export interface IncidentInput {
  source: { id: string; name: string; inbox: string | null; outbox: string | null };
  window: { fromSeq: number | null; toSeq: number | null; from: string | null; to: string | null; reads: number; gap: boolean };
  stuckS: number;
  episodes: EpisodeJson[];
  /** every request seen in the window */
  requests: RequestJson[];
  mailboxes: IncidentMailbox[];
  generatedAt: string;
  /** names of host ids (MAILBOX_HOST_NAMES, or learnt from opened logs): "7 (hv-b)" wherever a host is named */
  hostNames?: HostNames;
  /** vdsm logs opened with the dumps: their findings, on one timeline with the dumps */
  logs?: LogFindings | null;
}

/** The verdict as the badges say it, with why there is no verdict yet when there is none. */
export const VERDICT_LABEL: Record<EpisodeVerdict, string> = {
  torn: `✗ ${VERDICT_WORDS.torn}`,
  corrupt: `✗ ${VERDICT_WORDS.corrupt}`,
  pending: `✗ ${VERDICT_WORDS.pending} (no valid read yet)`,
  unproven: `✗ ${VERDICT_WORDS.unproven} (no valid read before it in history)`,
};

const look = (l: { glyph: string; word: string }) => `${l.glyph} ${l.word}`;

type DroppedJson = EpisodeJson['droppedMessages'][number];

/** "▲ slot 3 2 GiB d772f1c6…": one message the SPM dropped. */
function droppedText(m: DroppedJson): string {
  switch (m.kind) {
    case 'extend': return `${MESSAGE_GLYPHS.extend} slot ${m.slot} ${mib(m.sizeMiB)} ${m.volume?.slice(0, 8)}…`;
    case 'clean': return `${MESSAGE_GLYPHS.clean} slot ${m.slot} CLEAN`;
    case 'unknown': return `${MESSAGE_GLYPHS.unknown} slot ${m.slot}`;
    default: return assertNever(m.kind, 'message kind');
  }
}

function requestStatus(r: RequestJson): string {
  if (r.stuck) return `${STUCK_GLYPH} stuck ${r.partial ? '≥ ' : ''}${duration(r.waitingMs ?? 0)}${r.outsideWindow ? ' (⚠ outside the SPM read window: never read)' : ''}`;
  if (r.result === null) return look(WAITING_LOOK);
  const said = look(RESULT_LOOKS[r.result]);
  return r.freedAt && (r.result === 'ok' || r.result === 'unknown') ? `${said}, done` : said;
}

function header(input: IncidentInput): string[] {
  const { source, window: w, episodes, requests } = input;
  const count = (v: EpisodeVerdict) => episodes.filter((e) => e.verdict === v).length;
  const by = (f: (r: RequestJson) => boolean) => requests.filter(f).length;
  const span = w.from && w.to
    ? `reads ${w.fromSeq}–${w.toSeq} (${w.reads}), ${utcDateTime(w.from)} → ${utcTime(w.to)} (${duration(Date.parse(w.to) - Date.parse(w.from))})`
    : 'no reads yet';
  const volumes = [source.inbox && `inbox \`${source.inbox}\``, source.outbox && `outbox \`${source.outbox}\``].filter(Boolean).join(', ');
  const lines = [
    `## Mailbox incident: ${source.name}`,
    '',
    `- **Source:** \`${source.id}\`${volumes ? ` — ${volumes}` : ''}`,
    `- **Window:** ${span}${w.gap ? ' — earlier reads had already left the history' : ''}`,
    `- **Checksum failures:** ${episodes.length} episode(s): ${count('torn')} ✗ TORN, ${count('corrupt')} ✗ CORRUPT` +
      `, ${count('pending')} still failing, ${count('unproven')} unproven`,
    `- **Requests:** ${requests.length} seen: ${by((r) => r.stuck)} ⏱ stuck (no reply after ${input.stuckS} s), ` +
      `${by((r) => !r.stuck && r.result === null && r.freedAt === null && r.replacedAt === null)} ▲ waiting, ` +
      `${by((r) => r.result === 'ok')} ✓ ok, ${by((r) => r.result === 'failed')} ✗ failed (size 0), ${by((r) => r.result === 'mismatched')} ≠ mismatched`,
  ];
  const replies = requests.map((r) => r.latency.replyMs).filter((v): v is number => v !== null);
  const totals = requests.map((r) => r.latency.totalMs).filter((v): v is number => v !== null);
  if (replies.length > 0) {
    lines.push(`- **Latency:** reply median ${duration(percentile(replies, 50)!)}, max ${duration(percentile(replies, 100)!)} (${replies.length})` +
      (totals.length > 0 ? `; request → free median ${duration(percentile(totals, 50)!)}, max ${duration(percentile(totals, 100)!)} (${totals.length})` : ''));
  }
  return lines;
}

const NO_NAMES: HostNames = new Map();

function episodeTable(episodes: EpisodeJson[], names: HostNames): string[] {
  if (episodes.length === 0) return [];
  const rows = episodes.map((e) => {
    const sum = e.checksum;
    const checksum = `stored ${sum.stored} ≠ ${sum.computed}${e.staleChecksum ? ` (stale: the previous content's)` : ''}`;
    const dropped = e.droppedMessages.length === 0 ? (e.spmChecks ? '—' : 'none (SPM ignores it: no message)')
      : e.droppedMessages.map(droppedText).join(', ');
    const reads = `${e.reads} (${e.startSeq}–${e.endSeq})`;
    return `| ${cell(hostLabel(e.host, names))} | ${VERDICT_LABEL[e.verdict]} | ${reads} | ${utcTime(e.startedAt)} → ${utcTime(e.endedAt)} | ${duration(e.durationMs)} | ${cell(e.summary)} | ${checksum} | ${cell(dropped)} |`;
  });
  return [
    '', '### Checksum failures', '',
    '| host | verdict | reads (seq) | from → to (UTC) | duration | sectors | checksum | mail the SPM dropped |',
    '|---:|---|---|---|---:|---|---|---|',
    ...rows,
  ];
}

function requestTable(title: string, requests: RequestJson[], names: HostNames): string[] {
  if (requests.length === 0) return [];
  return [
    '', `### ${title}`, '',
    '| host | slot | status | volume | size | requested (UTC) | reply | → free |',
    '|---:|---:|---|---|---:|---|---:|---:|',
    ...requests.map((r) => {
      const reply = r.latency.replyMs === null ? '—' : duration(r.latency.replyMs);
      const total = r.latency.totalMs === null ? '—' : duration(r.latency.totalMs);
      return `| ${cell(hostLabel(r.host, names))} | ${r.slot} | ${requestStatus(r)} | \`${r.volume}\` | ${mib(r.sizeMiB)} | ${utcTime(r.requestedAt)} | ${reply} | ${total} |`;
    }),
  ];
}

function dumps(mailboxes: IncidentMailbox[], names: HostNames): string[] {
  const out: string[] = [];
  for (const m of mailboxes) {
    out.push('', `#### host ${hostLabel(m.host, names)} · ${m.volume} · read ${m.seq} · ${m.note}`, '', '```text', hexdumpC(m.bytes, m.host * m.bytes.length), '```');
  }
  return out.length > 0 ? ['', '### Mailboxes (`hexdump -C`, offsets in the volume)', ...out] : [];
}

export function incidentSummary(input: IncidentInput): string {
  const stuck = input.requests.filter((r) => r.stuck);
  const troubled = input.requests.filter((r) => !r.stuck && (r.result === 'failed' || r.result === 'mismatched' || r.result === 'abandoned'));
  const names = input.hostNames ?? NO_NAMES;
  const lines = [
    ...header(input),
    ...episodeTable(input.episodes, names),
    ...requestTable(`⏱ Stuck requests (no reply after ${input.stuckS} s)`, stuck, names),
    ...requestTable('Requests that failed or went wrong', troubled, names),
    ...(input.logs ? ['', ...logSection(input.logs, names, 3)] : []),
    ...dumps(input.mailboxes, names),
  ];
  if (input.episodes.length === 0 && stuck.length === 0) lines.push('', 'No checksum failures and no stuck requests in this window.');
  lines.push('', `<sub>Mailbox Inspector, ${utcDateTime(input.generatedAt)}. Verdicts compare each failed read sector by sector ` +
    '(512 bytes) with the last valid read before it and the first valid read after it.</sub>', '');
  return lines.join('\n');
}
