/**
 * The streaming line scanner of one log file. Chunks go in as bytes; lines
 * are split across chunk boundaries, and only lines holding a marker are
 * made into strings and looked at: the rest are counted, never copied.
 * Memory: a chunk and the unfinished line before it, at most
 * `maxLineBytes`; a longer line is a finding and is skipped to its end.
 */
import { byteString } from './byte-string';
import type { LogCollector } from './collector';
import { handleLine } from './line-handlers';
import { LineWindow, type LineWindowOptions } from './line-window';
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

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface ScannerOptions extends LineWindowOptions {
  maxLineBytes?: number;
}

/**
 * Bytes of marker lines decoded at once. Under V8's largest ordinary heap object (128 KiB): a longer
 * string is given pages of its own, which cost 30–40 times more a byte to fill (measured in Node:
 * ~10 GB/s below, ~0.3 GB/s above), more than the calls a bigger batch saves.
 */
const BATCH_BYTES = 96 * 1024;

/**
 * Marker lines copied side by side to become text in one decode (up to BATCH_BYTES at a time): a
 * browser's TextDecoder costs ~1.5 µs a call, whatever the line's length.
 */
class LineBatch {
  private bytes = new Uint8Array(64 * 1024);
  private length = 0;
  private readonly ends: number[] = [];
  private readonly numbers: number[] = [];

  add(from: Uint8Array, start: number, stop: number, number: number): void {
    const size = this.length + stop - start;
    if (size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(size, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(from.subarray(start, stop), this.length);
    this.length = size;
    this.ends.push(size);
    this.numbers.push(number);
  }

  /** Whether a line of `size` bytes must wait for a drain, not to make the batch's text too long. */
  wouldOverflow(size: number): boolean {
    return this.length > 0 && this.length + size > BATCH_BYTES;
  }

  /** Each line as a string of its own (a slice would keep the whole batch's text alive), then empties. */
  drain(text: (bytes: Uint8Array) => string, each: (line: string, number: number) => void): void {
    if (this.ends.length === 0) return;
    const all = text(this.bytes.subarray(0, this.length));
    let from = 0;
    for (let k = 0; k < this.ends.length; k++) {
      each(` ${all.slice(from, this.ends[k])}`.slice(1), this.numbers[k]);
      from = this.ends[k];
    }
    this.length = 0;
    this.ends.length = 0;
    this.numbers.length = 0;
  }
}

export class LineScanner {
  readonly summary: LogFileSummary;
  /** the bytes being scanned; its first `carried` bytes are a line the last chunk left open */
  private readonly window: LineWindow;
  private carried = 0;
  private skipping = false;
  private readonly maxLine: number;
  private readonly text = byteString();
  private readonly batch = new LineBatch();
  /** the head of the last whole line seen: the file's last time, read once at the end */
  private lastHead = '';

  constructor(private readonly collector: LogCollector, file: string, options: ScannerOptions = {}) {
    this.maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.window = new LineWindow(options);
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
    // The chunk goes right after the open line, which is then read in place.
    const end = this.carried + chunk.length;
    const bytes = this.window.reserve(end, this.carried);
    bytes.set(chunk, this.carried);
    const last = end === 0 ? -1 : bytes.lastIndexOf(NEWLINE, end - 1);
    if (last >= 0) this.scan(bytes, last + 1);
    this.carry(bytes, last + 1, end);
  }

  /** The end of the file: its last line may have no newline. */
  end(complete = true): void {
    if (this.lastHead) this.noteTime(this.lastHead);
    this.lastHead = '';
    if (this.carried > 0) {
      const line = this.text(this.window.bytes.subarray(0, this.carried));
      this.carried = 0;
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

  /** Keeps bytes[from, end), a line still open, at the front for the next chunk; one too long is skipped. */
  private carry(bytes: Uint8Array, from: number, end: number): void {
    const rest = end - from;
    if (rest <= this.maxLine) {
      bytes.copyWithin(0, from, end);
      this.carried = rest;
      return;
    }
    this.carried = 0;
    this.skipping = true;
    this.collector.finding({
      id: 'log.line.too-long', severity: 'warning', file: this.summary.name, line: this.summary.lines + 1, time: null,
      message: `line longer than ${this.maxLine} bytes (starts ${JSON.stringify(this.text(bytes.subarray(from, from + 60)))}): skipped; no vdsm line is this long`,
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
        lines += this.window.count(pos, end);
        break;
      }
      const start = at === 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1;
      lines += this.window.count(pos, start) + 1;
      const newline = bytes.indexOf(NEWLINE, at);
      const stop = newline > start && bytes[newline - 1] === CR ? newline - 1 : newline;
      if (this.batch.wouldOverflow(stop - start)) this.batch.drain(this.text, this.readLine);
      this.batch.add(bytes, start, stop, lines);
      pos = newline + 1;
    }
    this.batch.drain(this.text, this.readLine);
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

  private readonly readLine = (line: string, number: number): void => this.line(line, number);

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
