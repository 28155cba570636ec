/**
 * Python `bytes` literals as `repr()` writes them (b'…' or b"…"), decoded
 * back to bytes. The input is a byte string: one char per byte (latin1).
 * Never throws: a literal cut short comes back with `complete: false`.
 */

export interface BytesLiteral {
  bytes: Uint8Array;
  /** index in the input just after the closing quote (or where reading stopped) */
  end: number;
  complete: boolean;
  /** why it is not complete */
  problem?: string;
}

/** The byte of a one-letter escape (\n, \t, …) by the letter's char code; -1: not one. */
const SIMPLE = new Int16Array(128).fill(-1);
for (const [c, b] of Object.entries({ n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11 })) SIMPLE[c.charCodeAt(0)] = b;
/** Hex digit value by char code; -1: not a hex digit. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = HEX['0123456789ABCDEF'.charCodeAt(i)] = i;

const isOctal = (code: number) => code >= 48 && code <= 55;

/** Decodes the literal whose `b` prefix is at `start`; reads at most `maxBytes` decoded bytes. Hot: a checksum line holds 4092 escaped bytes. */
export function decodeBytesLiteral(text: string, start: number, maxBytes = 1 << 20): BytesLiteral {
  const empty = new Uint8Array(0);
  if (text.charCodeAt(start) !== 98 /* b */) return { bytes: empty, end: start, complete: false, problem: 'no b prefix' };
  const quote = text.charCodeAt(start + 1);
  if (quote !== 39 && quote !== 34) return { bytes: empty, end: start, complete: false, problem: 'no opening quote' };
  // Each decoded byte takes at least one char, so this bounds the output.
  const out = new Uint8Array(Math.min(maxBytes, Math.max(0, text.length - start - 2)));
  let n = 0;
  let i = start + 2;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === quote) return { bytes: out.subarray(0, n), end: i + 1, complete: true };
    if (n >= maxBytes) return { bytes: out.subarray(0, n), end: i, complete: false, problem: `longer than ${maxBytes} bytes` };
    if (c !== 92 /* \ */) {
      if (c > 0xff) return { bytes: out.subarray(0, n), end: i, complete: false, problem: `character U+${c.toString(16)} in a bytes literal` };
      out[n++] = c;
      i++;
      continue;
    }
    if (i + 1 >= len) break;
    const e = text.charCodeAt(i + 1);
    if (e === 120 /* x */) {
      if (i + 3 >= len) break;
      const a = text.charCodeAt(i + 2);
      const b = text.charCodeAt(i + 3);
      const hi = a < 128 ? HEX[a] : -1;
      const lo = b < 128 ? HEX[b] : -1;
      if (hi < 0 || lo < 0) return { bytes: out.subarray(0, n), end: i, complete: false, problem: `bad escape ${JSON.stringify(text.slice(i, i + 4))}` };
      out[n++] = (hi << 4) | lo;
      i += 4;
    } else if (e < 128 && SIMPLE[e] >= 0) {
      out[n++] = SIMPLE[e];
      i += 2;
    } else if (isOctal(e)) {
      let v = 0;
      let k = i + 1;
      while (k < i + 4 && k < len && isOctal(text.charCodeAt(k))) v = v * 8 + (text.charCodeAt(k++) - 48);
      out[n++] = v & 0xff;
      i = k;
    } else {
      // Python keeps an unknown escape as it is: the backslash and the char.
      out[n++] = 92;
      if (n < out.length) out[n++] = e & 0xff;
      i += 2;
    }
  }
  return { bytes: out.subarray(0, n), end: len, complete: false, problem: 'cut short: no closing quote' };
}

/** Python's repr of bytes, for tests and for quoting: b'…' (b"…" when it holds ' but no "). */
export function bytesRepr(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 39) hasSingle = true;
    if (b === 34) hasDouble = true;
  }
  const q = hasSingle && !hasDouble ? '"' : "'";
  let s = 'b' + q;
  for (const b of bytes) {
    if (b === 92) s += '\\\\';
    else if (b === 9) s += '\\t';
    else if (b === 10) s += '\\n';
    else if (b === 13) s += '\\r';
    else if (String.fromCharCode(b) === q) s += '\\' + q;
    else if (b < 0x20 || b >= 0x7f) s += '\\x' + b.toString(16).padStart(2, '0');
    else s += String.fromCharCode(b);
  }
  return s + q;
}
