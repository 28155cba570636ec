/**
 * What each interesting vdsm line means. A line reaches here only when it
 * holds one of the scanner's markers and has a vdsm head; each handler
 * checks the logger and the exact wording, so another logger quoting the
 * same words is reported, not counted.
 */
import { SLOT_SIZE_BYTES } from '@/lib/mailbox';
import type { LogCollector } from './collector';
import { isMailboxLogger, isMailboxThread, type LogHead } from './log-line';
import { LOGGED_DATA_BYTES, slotOf, unpackExpected } from './logged-mailbox';
import { decodeBytesLiteral, type BytesLiteral } from './python-repr';
import type { LogPlace } from './types';

const QUOTE_CHARS = 300;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const CHECKSUM = /^mailbox (\d+) checksum failed/;
const VALIDATED = /^SPM_MailMonitor: Mailbox (\d+) validated/;
const EXTENDING = new RegExp(`^processRequest: extending volume (${UUID}) in domain (${UUID}) \\(pool ([^)]*)\\) to size (\\d+)`);
const EXTEND_FAILED = new RegExp(`^processRequest: Exception caught while trying to extend volume:? (${UUID}) in domain:? (${UUID})`);
const UNKNOWN_TYPE = /^SPM_MailMonitor: unknown message type encountered: /;
const HSM_MESSAGE = /^HSM_MailMonitor - start: (\d+), end: \d+, len: \d+, message\((\d+)\/\d+\): /;
const EXTEND_DONE = new RegExp(`Extend volume (${UUID}) completed <Clock\\(([^)]*)\\)>`);
const VM_ID = new RegExp(`\\(vmId='(${UUID})'\\)`);
const PAUSED = /abnormal vm stop device (\S+) error (\S*)/;
const HOST_ID_POOL = /connectStoragePool\(.*?hostID=(\d+)/;
const POOL_ID = new RegExp(`spUUID='?(${UUID})`);
const HOST_ID_SANLOCK = new RegExp(`host id for domain (${UUID}) \\(id[=:] ?(\\d+)`);
const DD_COPIED = /(\d+) bytes(?: \([^)]*\))? copied, ([0-9.e+-]+) s/;

function clock(fields: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const part of fields.split(',')) {
    const [k, v] = part.trim().split('=');
    if (k && v !== undefined) out[k] = v.endsWith('*') ? null : Number(v);
  }
  return out;
}

function num(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

function printable(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return s;
}

/**
 * A line's head to quote (the whole line when short), as a string of its own: a slice of the line
 * would keep the whole line (16 KB for a `checksum failed` one) alive for as long as the record.
 */
export function quoteOf(line: string, max = QUOTE_CHARS): string {
  const head = line.length > max ? `${line.slice(0, max)}…` : line;
  // Slicing a concatenation copies it flat first: the copy holds only these chars.
  return ` ${head}`.slice(1);
}

/** Mailboxes whose last logged data is kept for the next line; past this, the oldest is dropped. */
const LITERALS_KEPT = 256;

/**
 * The data literal of a `checksum failed` line, decoded into bytes of its own. The SPM logs the same
 * bytes on every read until the mailbox is written again, so a literal equal to the one this mailbox
 * last logged (compared as text, through its closing quote) gives the same bytes, not decoded again:
 * the episode tracker, seeing the same array, hashes it once too.
 */
function loggedData(c: LogCollector, mailbox: number, line: string, start: number): BytesLiteral {
  const last = c.lastLiterals.get(mailbox);
  // (a slice compared with === is compared as memory; startsWith walks char by char)
  if (last && line.slice(start, start + last.text.length) === last.text) return { ...last.decoded, end: start + last.text.length };
  const literal = decodeBytesLiteral(line, start, LOGGED_DATA_BYTES + 1);
  const decoded = { ...literal, bytes: literal.bytes.slice() }; // not a view of the larger buffer decoding used
  if (!decoded.complete) return decoded;
  if (!last && c.lastLiterals.size >= LITERALS_KEPT) c.lastLiterals.delete(c.lastLiterals.keys().next().value!);
  c.lastLiterals.set(mailbox, { text: line.slice(start, decoded.end), decoded });
  return decoded;
}

function handleChecksum(c: LogCollector, head: LogHead, line: string, place: LogPlace, m: RegExpExecArray): void {
  const mailbox = Number(m[1]);
  const at = line.indexOf('(data=b', head.messageStart);
  const quote = quoteOf(line);
  if (at < 0) {
    c.finding({ id: 'log.repr.cut-short', severity: 'warning', ...place, message: `mailbox ${mailbox} checksum failed, but the line has no data=b'…': cut short at ${line.length} bytes` });
    c.failure({ place, ms: head.ms, mailbox, data: new Uint8Array(0), complete: false, expectedLogged: null, quote });
    return;
  }
  const data = loggedData(c, mailbox, line, at + 6);
  let complete = data.complete && data.bytes.length === LOGGED_DATA_BYTES;
  if (!data.complete) {
    c.finding({ id: 'log.repr.cut-short', severity: 'warning', ...place, message: `mailbox ${mailbox}: data=b'…' ${data.problem} after ${data.bytes.length} of ${LOGGED_DATA_BYTES} bytes (a truncated line): slots shown from what was logged` });
  } else if (data.bytes.length !== LOGGED_DATA_BYTES) {
    c.finding({ id: 'log.repr.wrong-length', severity: 'warning', ...place, message: `mailbox ${mailbox}: expected ${LOGGED_DATA_BYTES} data bytes, got ${data.bytes.length}` });
  }
  let expectedLogged: number | null = null;
  const e = line.indexOf('expected=b', data.end);
  if (e >= 0) {
    const lit = decodeBytesLiteral(line, e + 9, 8);
    expectedLogged = lit.complete ? unpackExpected(lit.bytes) : null;
  }
  if (expectedLogged === null) complete = false;
  c.failure({ place, ms: head.ms, mailbox, data: data.bytes, complete, expectedLogged, quote });
}

/** Handles one line that holds a marker; `line` has no line ending. */
export function handleLine(c: LogCollector, head: LogHead, line: string, place: LogPlace): void {
  const msg = line.slice(head.messageStart, head.messageStart + 400);
  const mailboxLogger = isMailboxLogger(head.logger);
  let m: RegExpExecArray | null;
  if (mailboxLogger) {
    if ((m = CHECKSUM.exec(msg))) return handleChecksum(c, head, line, place, m);
    if ((m = VALIDATED.exec(msg))) return c.episodes.validated(Number(m[1]), place.time);
    if ((m = EXTENDING.exec(msg))) {
      return c.request({ time: place.time, line: place.line, file: place.file, volume: m[1].toLowerCase(), domain: m[2].toLowerCase(), pool: m[3] || null, sizeMiB: Number(m[4]), result: null, failedLine: null, failedFile: null, failedTime: null, failedQuote: null, queuedS: null, completedS: null, quote: quoteOf(line) }, head.ms);
    }
    if ((m = EXTEND_FAILED.exec(msg))) return c.requestFailed(m[1].toLowerCase(), m[2].toLowerCase(), place, quoteOf(line));
    if ((m = UNKNOWN_TYPE.exec(msg))) {
      const lit = decodeBytesLiteral(line, head.messageStart + m[0].length, 64);
      const hex = [...lit.bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      return c.unknownMessage({ ...place, opcode: printable(lit.bytes), opcodeHex: hex });
    }
    if ((m = HSM_MESSAGE.exec(msg))) {
      const lit = decodeBytesLiteral(line, head.messageStart + m[0].length, SLOT_SIZE_BYTES);
      const slot = Math.floor(Number(m[1]) / SLOT_SIZE_BYTES);
      const decoded = lit.complete && lit.bytes.length === SLOT_SIZE_BYTES ? slotOf(lit.bytes, 0, slot) : null;
      return c.hsmMessage({ ...place, slot, counter: Number(m[2]), kind: decoded?.kind ?? 'unknown', domain: decoded?.domain, volume: decoded?.volume, sizeMiB: decoded?.sizeMiB, quote: quoteOf(line) }, head.ms);
    }
    if (msg.startsWith('HSM_MailMonitor sending mail to SPM')) return c.mailSent++, undefined;
    if (msg.includes('Incorrect reply')) return c.incorrectReply(place, quoteOf(msg));
    if (msg.startsWith('SPM_MailMonitor: processing request')) return;
  }
  if ((mailboxLogger || isMailboxThread(head.thread)) && (m = DD_COPIED.exec(msg))) return c.dd(Number(m[1]), Number(m[2]), place);
  if ((m = EXTEND_DONE.exec(msg))) {
    const t = clock(m[2]);
    const vm = VM_ID.exec(msg);
    return c.extendDone({ ...place, volume: m[1].toLowerCase(), vmId: vm ? vm[1] : null, totalS: num(t.total), waitS: num(t.wait), extendS: num(t['extend-volume']), refreshS: num(t['refresh-volume']), quote: quoteOf(line) }, head.ms);
  }
  if ((m = PAUSED.exec(msg))) {
    const vm = VM_ID.exec(msg);
    return c.paused({ ...place, vmId: vm ? vm[1] : null, device: m[1], error: m[2] });
  }
  if ((m = HOST_ID_POOL.exec(msg))) {
    const pool = POOL_ID.exec(msg);
    return c.hostId({ ...place, hostId: Number(m[1]), how: 'connectStoragePool', domainOrPool: pool ? pool[1] : null });
  }
  if ((m = HOST_ID_SANLOCK.exec(msg))) return c.hostId({ ...place, hostId: Number(m[2]), how: 'sanlock', domainOrPool: m[1] });
  if (!mailboxLogger && /checksum failed|unknown message type|processRequest/.test(msg)) {
    c.finding({ id: 'log.line.other-logger', severity: 'info', ...place, message: `logger ${head.logger} quotes mailbox words; not vdsm's mailbox code, ignored` });
  }
}
