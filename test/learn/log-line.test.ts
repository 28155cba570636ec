import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, storedChecksum } from '@/lib/mailbox';
import { u32leBytes } from '@/components/host-detail/mailbox-ranges';
import { LOG_AFTER_CUT, LOG_BEFORE_CUT, LOG_CUT_BYTES, logText } from '@/components/learn/log-line';

const LOG = path.resolve(import.meta.dirname, '../fixtures/vdsm-trace/torn-pre2017/vdsm.log');
const firstLine = () => readFileSync(LOG, 'utf8').split('\n')[0];

/** A Python bytes literal's content (between b' and ') as bytes. */
function pythonBytes(literal: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < literal.length; i++) {
    if (literal[i] !== '\\') { out.push(literal.charCodeAt(i)); continue; }
    const c = literal[++i];
    if (c === 'x') { out.push(parseInt(literal.slice(i + 1, i + 3), 16)); i += 2; } else out.push({ n: 10, r: 13, t: 9, '\\': 92, "'": 39 }[c] ?? NaN);
  }
  return Uint8Array.from(out);
}

describe('the annotated checksum failed line', () => {
  it('is the fixture’s real line, cut only inside its data', () => {
    const line = firstLine();
    expect(line.startsWith(logText(LOG_BEFORE_CUT))).toBe(true);
    expect(line.endsWith(logText(LOG_AFTER_CUT))).toBe(true);
  });

  it('prints 4092 data bytes (the checksum left out), the cut ones all zero, and as expected the computed sum', () => {
    const line = firstLine();
    const data = pythonBytes(/data=b'(.*?)', checksum=/.exec(line)![1]);
    expect(data.length).toBe(4092);
    const shownBefore = pythonBytes(/data=b'(.*)$/.exec(logText(LOG_BEFORE_CUT))![1]).length;
    const shownAfter = pythonBytes(/^(.*)'$/.exec(LOG_AFTER_CUT[0].text)![1]).length;
    expect(data.length - shownBefore - shownAfter).toBe(LOG_CUT_BYTES);
    expect(data.subarray(shownBefore, data.length - shownAfter).every((b) => b === 0)).toBe(true);
    const mailbox = new Uint8Array(4096);
    mailbox.set(data);
    const expected = pythonBytes(/expected=b'(.*?)'/.exec(line)![1]);
    expect(u32leBytes(checksum(mailbox))).toBe([...expected].map((b) => b.toString(16).padStart(2, '0')).join(' '));
    expect(checksum(mailbox)).toBe(6455);
    expect(storedChecksum(mailbox)).toBe(0);
  });
});
