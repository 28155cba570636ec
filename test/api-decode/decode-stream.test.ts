import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeDump } from '@/lib/api/decode-dump';
import { decodeAnswerPieces, MAX_SLOT_FINDINGS_PER_MAILBOX } from '@/lib/api/decode-stream';
import type { DecodeResponse } from '@/lib/api/types';
import { encodeMailbox, encodeVolume, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { request } from '../support/pool';

function streamed(bytes: Uint8Array, kind: 'inbox' | 'outbox', maxHostId?: number): { text: string; pieces: number } {
  const pieces = [...decodeAnswerPieces(bytes, kind, maxHostId)];
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('the decode answer in pieces', () => {
  it('is the same JSON as the whole decode for a real-looking volume', () => {
    const bytes = encodeVolume({ mailboxes: 12, hosts: { 3: encodeMailbox({ 0: request(3, 0), 5: request(3, 5) }) } });
    const torn = Uint8Array.from(bytes);
    torn.fill(0, 7 * MAILBOX_SIZE_BYTES + 4092, 8 * MAILBOX_SIZE_BYTES); // checksum gone
    torn[7 * MAILBOX_SIZE_BYTES] = 0x31;
    for (const [volume, kind] of [[bytes, 'inbox'], [torn, 'inbox'], [bytes, 'outbox']] as const) {
      expect(JSON.parse(streamed(volume, kind, 10).text)).toEqual(JSON.parse(JSON.stringify(decodeDump(volume, kind, 10))));
    }
  });

  it('keeps a trailing partial mailbox and an empty body worded as the volume decoder words them', () => {
    const bytes = new Uint8Array(3 * MAILBOX_SIZE_BYTES + 10);
    expect(JSON.parse(streamed(bytes, 'inbox').text)).toEqual(JSON.parse(JSON.stringify(decodeDump(bytes, 'inbox'))));
    const empty = new Uint8Array(0);
    expect(JSON.parse(streamed(empty, 'outbox').text)).toEqual(JSON.parse(JSON.stringify(decodeDump(empty, 'outbox'))));
  });

  it('summarises noise per mailbox, so 2 MiB of random bytes answer in pieces and in proportion', () => {
    const noise = randomBytes(2 * 1024 * 1024);
    const { text, pieces } = streamed(noise, 'inbox');
    const answer = JSON.parse(text) as DecodeResponse;
    expect(pieces).toBeGreaterThan(10);
    expect(answer.hosts).toHaveLength(511);
    const perHost = new Map<number, number>();
    for (const f of answer.findings) if (f.host !== undefined) perHost.set(f.host, (perHost.get(f.host) ?? 0) + 1);
    // slot findings become one 'mailbox.noise' each; the mailbox's own (checksum, metadata) stay
    for (const count of perHost.values()) expect(count).toBeLessThanOrEqual(MAX_SLOT_FINDINGS_PER_MAILBOX + 3);
    expect(answer.findings.filter((f) => f.id === 'mailbox.noise').length).toBeGreaterThan(500);
    expect(answer.findings.find((f) => f.id === 'mailbox.noise')!.message).toMatch(/^expected messages or empty slots, got \d+ of 63 slots with findings/);
    const whole = JSON.stringify(decodeDump(noise, 'inbox'));
    expect(text.length).toBeLessThan(whole.length);
    console.log(`2 MiB of noise: ${(text.length / 2 ** 20).toFixed(1)} MiB streamed in ${pieces} pieces (${(text.length / noise.length).toFixed(2)}× the input), ` +
      `${(whole.length / 2 ** 20).toFixed(1)} MiB as one JSON with a finding per slot`);
  });
});
