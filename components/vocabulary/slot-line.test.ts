import { describe, expect, it } from 'vitest';
import { decodeSlot, encodeMessage, extend, CLEAN } from '@/lib/mailbox';
import { sizeText, slotLine } from './slot-line';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const slot = (bytes: Uint8Array, index = 0) => decodeSlot(bytes, 0, index, 3);

describe('slotLine', () => {
  it('writes a replied request on one line, with full UUIDs and human sizes', () => {
    const line = slotLine(3, 0, 'replied', slot(encodeMessage(extend(D, V, 2048))), slot(encodeMessage(extend(D, V, 2048))));
    expect(line).toBe(`host 3 slot 0 · ✓ replied · inbox: xtnd 2 GiB (2048 MiB) domain ${D} volume ${V} · outbox: xtnd 2 GiB (2048 MiB), same domain and volume`);
  });

  it('says when the extend failed and lists findings', () => {
    const bad = encodeMessage(extend(D, V, 128));
    bad[1] = 0x78; // 'x' → opcode 'xxnd'
    bad[2] = 0x78;
    expect(slotLine(3, 5, 'failed', slot(encodeMessage(extend(D, V, 128))), slot(encodeMessage(extend(D, V, 0)))))
      .toContain('outbox: xtnd 0 MiB (extend failed)');
    expect(slotLine(3, 5, 'unknown', slot(bad), slot(encodeMessage(CLEAN)))).toMatch(/unknown: unknown opcode .* findings: slot\.unknown-opcode/);
  });

  it('formats sizes', () => {
    expect(sizeText(128)).toBe('128 MiB');
    expect(sizeText(null)).toBe('invalid size');
  });
});
