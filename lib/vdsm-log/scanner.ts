/**
 * The streaming line scanner of one log file. Chunks go in as byte strings
 * (one char per byte); lines are split across chunk boundaries, and only
 * lines holding a marker are looked at: the rest are counted, never copied.
 * Memory: the unfinished line, at most `maxLineBytes`; a longer line is a
 * finding and is skipped to its end.
 */
import type { LogCollector } from './collector';
import { handleLine } from './line-handlers';
import { parseHead } from './log-line';
import type { LogFileSummary } from './types';

/** Words that every line we read holds; all other lines are only counted. */
export const MARKERS = [
  'checksum failed', 'validated, checking mail', 'processRequest: ', 'unknown message type', 'message(', 'sending mail to SPM',
  'Incorrect reply', 'completed <Clock(', 'abnormal vm stop', 'hostID=', 'host id for domain', 'copied, ',
] as const;

// One regular expression finds the next marker of any kind: V8 compiles it to one pass over the text, several times faster than an indexOf per marker.
const MARKER_RE = new RegExp(MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface ScannerOptions {
  maxLineBytes?: number;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

export class LineScanner {
  readonly summary: LogFileSummary;
  private carry = '';
  private skipping = false;
  private readonly maxLine: number;
  /** the head of the last whole line seen: the file's last time, read once at the end */
  private lastHead = '';

  constructor(private readonly collector: LogCollector, file: string, options: ScannerOptions = {}) {
    this.maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.summary = { name: file, bytes: 0, lines: 0, firstTime: null, lastTime: null, hostIds: [], complete: false };
    collector.files.push(this.summary);
  }

  /** A chunk of the file as a byte string (`latin1`, char i = byte i); `bytes`: its size in the file. */
  push(chunk: string, bytes = chunk.length): void {
    this.summary.bytes += bytes;
    if (this.skipping) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) return;
      this.skipping = false;
      this.summary.lines++;
      chunk = chunk.slice(nl + 1);
    }
    if (this.carry.length > 0) {
      // Finish the line the last chunk left open, without copying this chunk onto it.
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.keep(this.carry + chunk);
        return;
      }
      const first = this.carry + chunk.slice(0, nl + 1);
      this.carry = '';
      this.scan(first, first.length);
      chunk = chunk.slice(nl + 1);
    }
    const last = chunk.lastIndexOf('\n');
    if (last >= 0) this.scan(chunk, last + 1);
    this.keep(last >= 0 ? chunk.slice(last + 1) : chunk);
  }

  /** The end of the file: its last line may have no newline. */
  end(complete = true): void {
    if (this.lastHead) this.noteTime(this.lastHead, 0);
    this.lastHead = '';
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = '';
      this.summary.lines++;
      this.noteTime(line, 0);
      if (MARKERS.some((m) => line.includes(m))) {
        this.collector.finding({ id: 'log.line.unterminated', severity: 'info', file: this.summary.name, line: this.summary.lines, time: null, message: 'the last line has no newline (the file was cut or still being written): read as it is' });
        this.line(line, 0, line.length, this.summary.lines);
      }
    } else if (this.skipping) {
      this.summary.lines++;
    }
    this.skipping = false;
    this.summary.complete = complete;
  }

  private keep(rest: string): void {
    if (rest.length <= this.maxLine) {
      this.carry = rest;
      return;
    }
    this.carry = '';
    this.skipping = true;
    this.collector.finding({
      id: 'log.line.too-long', severity: 'warning', file: this.summary.name, line: this.summary.lines + 1, time: null,
      message: `line longer than ${this.maxLine} bytes (starts ${JSON.stringify(rest.slice(0, 60))}): skipped; no vdsm line is this long`,
    });
  }

  /** Lines in text[0, end): end is just after a newline. */
  private scan(text: string, end: number): void {
    const startLines = this.summary.lines;
    let pos = 0;
    let lines = startLines;
    MARKER_RE.lastIndex = 0;
    for (;;) {
      const found = MARKER_RE.exec(text);
      const at = found ? found.index : end;
      if (at >= end) {
        lines += countNewlines(text, pos, end);
        break;
      }
      const start = text.lastIndexOf('\n', at) + 1;
      lines += countNewlines(text, pos, start) + 1;
      const stop = text.indexOf('\n', at);
      this.line(text, start, stop, lines);
      pos = stop + 1;
      MARKER_RE.lastIndex = pos;
    }
    if (this.summary.firstTime === null && startLines === 0) this.noteTime(text, 0);
    const lastStart = text.lastIndexOf('\n', end - 2) + 1;
    this.lastHead = text.slice(lastStart, Math.min(end, lastStart + 200));
    this.summary.lines = lines;
  }

  /** The file's first and last times come from the heads of its first and last lines. */
  private noteTime(text: string, start: number): void {
    const head = parseHead(text.slice(start, start + 200));
    if (!head) return;
    if (this.summary.firstTime === null) this.summary.firstTime = head.time;
    this.summary.lastTime = head.time;
  }

  private line(text: string, start: number, stop: number, number: number): void {
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--; // CRLF
    const line = text.slice(start, stop);
    const head = parseHead(line);
    const file = this.summary.name;
    if (!head) {
      this.collector.finding({ id: 'log.line.unparsed', severity: 'info', file, line: number, time: null, message: `a line with a marker but no vdsm time/level/logger head, ignored: ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    handleLine(this.collector, head, line, { file, line: number, time: head.time });
  }
}
