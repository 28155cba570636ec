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

function toTime(date: string, clock: string, millis: string, offH?: string, offM?: string): { time: string; ms: number } {
  const offset = offH ? `${offH}:${offM ?? '00'}` : '';
  const time = `${date}T${clock}.${millis}${offset}`;
  const ms = Date.parse(offset ? time : `${time}Z`);
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
