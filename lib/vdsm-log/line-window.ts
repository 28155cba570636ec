/**
 * The scanner's bytes: the unfinished line the last chunk ended with, at the
 * front, and the new chunk right after it, in one buffer, so a line cut by
 * a chunk's end is read in place. Newlines are counted by a small
 * WebAssembly module (newlines.wat: 16 bytes a step), the buffer being that
 * module's memory. A browser's `Uint8Array.indexOf` finds one newline per
 * call, which made counting a log's lines cost as much as searching it for
 * markers; where WebAssembly SIMD is missing (Safari before 16.4), it is
 * still the way.
 */
import { fromBase64 } from './base64';
import { NEWLINES_WASM_BASE64 } from './newlines-wasm';

const NEWLINE = 10;
const WASM_PAGE_BYTES = 64 * 1024;

interface NewlineCounter {
  readonly memory: WebAssembly.Memory;
  countNewlines(from: number, to: number): number;
}

/** Compiled once per process or worker; null where this engine cannot run it. */
let compiled: WebAssembly.Module | null | undefined;

function newlineModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(fromBase64(NEWLINES_WASM_BASE64) as Uint8Array<ArrayBuffer>);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export interface LineWindowOptions {
  /** false: count with indexOf even where WebAssembly runs (tests compare the two) */
  wasm?: boolean;
}

export class LineWindow {
  private readonly counter: NewlineCounter | null;
  /** the whole buffer; only its first bytes, as the scanner says, are in use */
  bytes: Uint8Array;

  constructor(options: LineWindowOptions = {}) {
    const module = options.wasm === false ? null : newlineModule();
    this.counter = module ? (new WebAssembly.Instance(module).exports as unknown as NewlineCounter) : null;
    this.bytes = this.counter ? new Uint8Array(this.counter.memory.buffer) : new Uint8Array(WASM_PAGE_BYTES);
  }

  /** Makes room for `size` bytes, keeping the first `keep`; gives the (maybe new) buffer. */
  reserve(size: number, keep: number): Uint8Array {
    if (size <= this.bytes.length) return this.bytes;
    if (this.counter) {
      this.counter.memory.grow(Math.ceil((size - this.bytes.length) / WASM_PAGE_BYTES));
      this.bytes = new Uint8Array(this.counter.memory.buffer);
    } else {
      const grown = new Uint8Array(Math.max(size, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, keep));
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Newlines in bytes[from, to). */
  count(from: number, to: number): number {
    if (to <= from) return 0;
    if (this.counter) return this.counter.countNewlines(from, to);
    let n = 0;
    for (let i = this.bytes.indexOf(NEWLINE, from); i >= 0 && i < to; i = this.bytes.indexOf(NEWLINE, i + 1)) n++;
    return n;
  }

  /** Whether newlines are counted by WebAssembly here. */
  get simd(): boolean {
    return this.counter !== null;
  }
}
