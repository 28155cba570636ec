/** `hexdump -C` text, so what people copy looks like what they already know. */
import { byteHex } from './uuid';

const BYTES_PER_LINE = 16;

function offsetHex(offset: number): string {
  return offset.toString(16).padStart(8, '0');
}

function line(bytes: Uint8Array, start: number, end: number, address: number): string {
  let hex = '';
  let text = '';
  for (let i = 0; i < BYTES_PER_LINE; i++) {
    const at = start + i;
    if (i === 8) hex += ' ';
    if (at < end) {
      const b = bytes[at];
      hex += byteHex(b) + ' ';
      text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    } else {
      hex += '   ';
    }
  }
  return `${offsetHex(address)}  ${hex} |${text}|`;
}

/**
 * Formats `bytes[start, end)` like `hexdump -C`, addresses starting at
 * `address` (e.g. the mailbox's offset in its volume). Repeated lines
 * collapse to `*`, as hexdump does.
 */
export function hexdumpC(bytes: Uint8Array, address = 0, start = 0, end = bytes.length): string {
  const lines: string[] = [];
  let previous = '';
  let starred = false;
  for (let at = start; at < end; at += BYTES_PER_LINE) {
    const stop = Math.min(at + BYTES_PER_LINE, end);
    const content = Array.prototype.join.call(bytes.subarray(at, stop), ',');
    if (content === previous && stop - at === BYTES_PER_LINE) {
      if (!starred) lines.push('*');
      starred = true;
      continue;
    }
    previous = content;
    starred = false;
    lines.push(line(bytes, at, stop, address + at - start));
  }
  lines.push(offsetHex(address + end - start));
  return lines.join('\n');
}
