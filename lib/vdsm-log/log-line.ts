/**
 * The head of a vdsm log line: time, level, thread, logger. Two layouts:
 *   2026-11-24 20:47:28,429+0000 ERROR (mailbox-spm) [storage.mailbox] message   (vdsm ≥ 4.20)
 *   Thread-22::ERROR::2016-08-02 12:22:51,548::storage_mailbox::640::Storage.MailBox.SpmMailMonitor::(_validateMailbox) message   (older)
 */

export interface LogHead {
  /** ISO 8601; without an offset when the log gave none */
  time: string;
  /** milliseconds since the epoch (a log without an offset is read as UTC: fine for durations) */
  ms: number;
  level: string;
  thread: string;
  logger: string;
  /** where the message starts in the line */
  messageStart: number;
}

const MODERN = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})([+-]\d\d)?(\d\d)? +([A-Z]+) +\(([^)]*)\) \[([^\]]*)\] /;
const OLD = /^([^:]*)::([A-Z]+)::(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})::[^:]*::\d+::([^:]*)::\([^)]*\) /;

/** The two digits at `at` of a string the head's pattern matched as digits. */
const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/** The last date's midnight (UTC, ms): a log's lines share their date, so it is parsed once per day. */
let lastDate = '';
let lastDateMs = NaN;

function dateMs(date: string): number {
  if (date !== lastDate) {
    lastDate = date;
    lastDateMs = Date.parse(`${date}T00:00:00Z`);
  }
  return lastDateMs;
}

/** The line's time as written and in ms since the epoch; NaN ms when the date or clock is no real one. */
function toTime(date: string, clock: string, millis: string, offH?: string, offM?: string): { time: string; ms: number } {
  const offset = offH ? `${offH}:${offM ?? '00'}` : '';
  const time = `${date}T${clock}.${millis}${offset}`;
  const h = twoDigits(clock, 0);
  const m = twoDigits(clock, 3);
  const s = twoDigits(clock, 6);
  const oh = offH ? twoDigits(offH, 1) : 0;
  const om = offM ? twoDigits(offM, 0) : 0;
  if (h > 23 || m > 59 || s > 59 || oh > 23 || om > 59) return { time, ms: NaN };
  const east = offH?.charCodeAt(0) === 43 /* + */ ? 1 : -1;
  const ms = dateMs(date) + ((h * 60 + m) * 60 + s) * 1000 + Number(millis) - east * (oh * 60 + om) * 60_000;
  return { time, ms };
}

export function parseHead(line: string): LogHead | null {
  let m = MODERN.exec(line);
  if (m) {
    const { time, ms } = toTime(m[1], m[2], m[3], m[4], m[5]);
    if (Number.isNaN(ms)) return null;
    return { time, ms, level: m[6], thread: m[7], logger: m[8], messageStart: m[0].length };
  }
  m = OLD.exec(line);
  if (m) {
    const { time, ms } = toTime(m[3], m[4], m[5]);
    if (Number.isNaN(ms)) return null;
    return { time, ms, level: m[2], thread: m[1], logger: m[6], messageStart: m[0].length };
  }
  return null;
}

/** vdsm's mailbox code logs as `storage.mailbox` (older: `Storage.MailBox.*`, `Storage.SPM.Messages.Extend`). */
export function isMailboxLogger(logger: string): boolean {
  return /mailbox|SPM\.Messages/i.test(logger);
}

/** The mailbox threads (`mailbox-spm`, `mailbox-hsm/3`): their commands (dd) are the mailbox's, whatever logger logs them. */
export function isMailboxThread(thread: string): boolean {
  return /mailbox/i.test(thread);
}
