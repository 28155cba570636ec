/**
 * The streaming line scanner of one log file. Chunks go in as bytes; lines
 * are split across chunk boundaries, and only lines holding a marker are
 * made into strings and looked at: the rest are counted, never copied.
 * Memory: the unfinished line, at most `maxLineBytes`; a longer line is a
 * finding and is skipped to its end.
 */
import { byteString } from './byte-string';
import type { LogCollector } from './collector';
import { handleLine } from './line-handlers';
import { parseHead } from './log-line';
import { MarkerSearch } from './marker-search';
import type { LogFileSummary } from './types';

/**
 * Words that every line we read holds; all other lines are only counted. The search jumps by up to the
 * shortest marker's length less one, so each is the longest fixed text its handler requires: at least
 * 12 bytes (the HSM's message line by its fixed start, not by `, message(`; a pool's host id by
 * `connectStoragePool(`; a dd command's output by its `records out`, which every dd prints, with or
 * without a `(4.1 kB)` before `copied`).
 */
export const MARKERS = [
  'checksum failed', 'validated, checking mail', 'processRequest: ', 'unknown message type', 'HSM_MailMonitor - start: ',
  'sending mail to SPM', 'Incorrect reply', 'completed <Clock(', 'abnormal vm stop', 'connectStoragePool(', 'host id for domain',
  ' records out',
] as const;

const SEARCH = new MarkerSearch(MARKERS);
const NEWLINE = 10;
const CR = 13;
/** Bytes of a line's head read for its time. */
const HEAD_BYTES = 200;
const NO_BYTES = new Uint8Array(0);

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface ScannerOptions {
  maxLineBytes?: number;
}

/** Newlines in bytes[from, to): Node's Buffer searches natively, a browser's Uint8Array by its own indexOf. */
function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i >= 0 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class LineScanner {
  readonly summary: LogFileSummary;
  private carry: Uint8Array = NO_BYTES;
  private skipping = false;
  private readonly maxLine: number;
  private readonly text = byteString();
  /** the head of the last whole line seen: the file's last time, read once at the end */
  private lastHead = '';

  constructor(private readonly collector: LogCollector, file: string, options: ScannerOptions = {}) {
    this.maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.summary = { name: file, bytes: 0, lines: 0, firstTime: null, lastTime: null, hostIds: [], complete: false };
    collector.files.push(this.summary);
  }

  /** The next bytes of the file. Not kept: the caller may reuse the buffer once this returns. */
  pushBytes(chunk: Uint8Array): void {
    this.summary.bytes += chunk.length;
    if (this.skipping) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) return;
      this.skipping = false;
      this.summary.lines++;
      chunk = chunk.subarray(nl + 1);
    }
    if (this.carry.length > 0) {
      // Finish the line the last chunk left open, copying only that line.
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        this.keep(concat(this.carry, chunk));
        return;
      }
      const first = concat(this.carry, chunk.subarray(0, nl + 1));
      this.carry = NO_BYTES;
      this.scan(first, first.length);
      chunk = chunk.subarray(nl + 1);
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= 0) this.scan(chunk, last + 1);
    // A copy (not Buffer's slice, which is a view): the rest of the line must outlive the caller's buffer.
    this.keep(new Uint8Array(chunk.subarray(last + 1)));
  }

  /** The end of the file: its last line may have no newline. */
  end(complete = true): void {
    if (this.lastHead) this.noteTime(this.lastHead);
    this.lastHead = '';
    if (this.carry.length > 0) {
      const line = this.text(this.carry);
      this.carry = NO_BYTES;
      this.summary.lines++;
      this.noteTime(line.slice(0, HEAD_BYTES));
      if (MARKERS.some((m) => line.includes(m))) {
        this.collector.finding({ id: 'log.line.unterminated', severity: 'info', file: this.summary.name, line: this.summary.lines, time: null, message: 'the last line has no newline (the file was cut or still being written): read as it is' });
        this.line(line, this.summary.lines);
      }
    } else if (this.skipping) {
      this.summary.lines++;
    }
    this.skipping = false;
    this.summary.complete = complete;
  }

  private keep(rest: Uint8Array): void {
    if (rest.length <= this.maxLine) {
      this.carry = rest;
      return;
    }
    this.carry = NO_BYTES;
    this.skipping = true;
    this.collector.finding({
      id: 'log.line.too-long', severity: 'warning', file: this.summary.name, line: this.summary.lines + 1, time: null,
      message: `line longer than ${this.maxLine} bytes (starts ${JSON.stringify(this.text(rest.subarray(0, 60)))}): skipped; no vdsm line is this long`,
    });
  }

  /** Lines in bytes[0, end): end is just after a newline. */
  private scan(bytes: Uint8Array, end: number): void {
    const startLines = this.summary.lines;
    let pos = 0;
    let lines = startLines;
    for (;;) {
      const at = SEARCH.next(bytes, pos, end);
      if (at < 0) {
        lines += countNewlines(bytes, pos, end);
        break;
      }
      const start = at === 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1;
      lines += countNewlines(bytes, pos, start) + 1;
      const newline = bytes.indexOf(NEWLINE, at);
      const stop = newline > start && bytes[newline - 1] === CR ? newline - 1 : newline;
      this.line(this.text(bytes.subarray(start, stop)), lines);
      pos = newline + 1;
    }
    if (this.summary.firstTime === null && startLines === 0) this.noteTime(this.text(bytes.subarray(0, Math.min(end, HEAD_BYTES))));
    const lastStart = end < 2 ? 0 : bytes.lastIndexOf(NEWLINE, end - 2) + 1;
    this.lastHead = this.text(bytes.subarray(lastStart, Math.min(end, lastStart + HEAD_BYTES)));
    this.summary.lines = lines;
  }

  /** The file's first and last times come from the heads of its first and last lines. */
  private noteTime(head: string): void {
    const parsed = parseHead(head);
    if (!parsed) return;
    if (this.summary.firstTime === null) this.summary.firstTime = parsed.time;
    this.summary.lastTime = parsed.time;
  }

  private line(line: string, number: number): void {
    const head = parseHead(line);
    const file = this.summary.name;
    if (!head) {
      this.collector.finding({ id: 'log.line.unparsed', severity: 'info', file, line: number, time: null, message: `a line with a marker but no vdsm time/level/logger head, ignored: ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    handleLine(this.collector, head, line, { file, line: number, time: head.time });
  }
}
