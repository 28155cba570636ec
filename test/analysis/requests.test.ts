/** The request tracker on reads built with the encoders: steps, results, reuse, stuck, torn reads held. */
import { describe, expect, it } from 'vitest';
import { isStuck, latencies } from '@/lib/analysis/request-record';
import { CLEAN, encodeMailbox, extend, type Message } from '@/lib/mailbox';
import { historyOf, READ_EVERY_MS, readsOf, T0, tornAfter, type Pool } from '../support/history';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const VOL_A = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const VOL_B = '22d65513-62f4-4e9e-9b85-409182135432';
const H = 2;
const at = (seq: number) => T0 + seq * READ_EVERY_MS;
const pool = (inbox: Record<number, Message>, outbox: Record<number, Message> = {}): Pool => ({
  inbox: { [H]: encodeMailbox(inbox) }, outbox: { [H]: encodeMailbox(outbox, { kind: 'outbox' }) },
});
const request = (volume = VOL_A, size = 128) => extend(DOMAIN, volume, size);

// The handshake of docs/format.md "A request's life", one step per read (seq 1 = nothing yet).
const HANDSHAKE = [
  pool({}),
  pool({ 0: request() }),
  pool({ 0: request() }, { 0: request() }),
  pool({ 0: CLEAN }, { 0: request() }),
  pool({ 0: CLEAN }, { 0: CLEAN }),
  pool({}, { 0: CLEAN }),
];

describe('request tracker', () => {
  it('follows request → reply → host CLEAN → SPM CLEAN → free, with each latency', () => {
    const [record] = historyOf(readsOf(HANDSHAKE)).requests.list();
    expect(record).toMatchObject({
      host: H, slot: 0, msgId: H * 64, domain: DOMAIN, volume: VOL_A, sizeMiB: 128, requestedSeq: 2,
      requestedAt: at(2), repliedAt: at(3), hostAckedAt: at(4), spmAckedAt: at(5), freedAt: at(6), result: 'ok', replySizeMiB: 128,
    });
    expect(latencies(record)).toEqual({ replyMs: 500, hostAckMs: 500, spmAckMs: 500, freeMs: 500, totalMs: 2000 });
  });

  it('says failed when the reply has size 0', () => {
    const [record] = historyOf(readsOf([pool({ 0: request() }), pool({ 0: request() }, { 0: request(VOL_A, 0) })], 2)).requests.list();
    expect(record).toMatchObject({ result: 'failed', replySizeMiB: 0 });
  });

  it('says mismatched when a new reply names another volume, but not for an old reply already there', () => {
    const stale = historyOf(readsOf([pool({}, { 0: request(VOL_B) }), pool({ 0: request() }, { 0: request(VOL_B) })])).requests.list();
    expect(stale[0]).toMatchObject({ repliedAt: null, result: null });
    const fresh = historyOf(readsOf([pool({}), pool({ 0: request() }), pool({ 0: request() }, { 0: request(VOL_B, 64) })])).requests.list();
    expect(fresh[0]).toMatchObject({ repliedAt: at(3), result: 'mismatched', replySizeMiB: 64 });
  });

  it('starts a new record when a freed slot is reused, and when another volume replaces a request', () => {
    const reused = historyOf(readsOf([...HANDSHAKE, pool({ 0: request(VOL_B) }, { 0: CLEAN })])).requests.list();
    expect(reused.map((r) => [r.volume, r.requestedSeq, r.freedAt !== null])).toEqual([[VOL_A, 2, true], [VOL_B, 7, false]]);
    const replaced = historyOf(readsOf([pool({}), pool({ 0: request() }), pool({ 0: request(VOL_B) })])).requests.list();
    expect(replaced.map((r) => [r.volume, r.replacedAt])).toEqual([[VOL_A, at(3)], [VOL_B, null]]);
  });

  it('frees an acknowledged request whose slot got a new request before any read saw it empty', () => {
    const records = historyOf(readsOf([...HANDSHAKE.slice(0, 5), pool({ 0: request(VOL_B) }, { 0: CLEAN })])).requests.list();
    expect(records.map((r) => [r.volume, r.freedAt, r.replacedAt, r.inferred])).toEqual([[VOL_A, at(6), null, ['free']], [VOL_B, null, null, []]]);
  });

  it('takes no step from a torn read: the slot holds its last valid state until the mailbox is valid again', () => {
    const before = encodeMailbox({ 0: request() });
    const after = encodeMailbox({ 0: CLEAN });
    const reply = { [H]: encodeMailbox({ 0: request() }, { kind: 'outbox' }) };
    const reads = readsOf([
      { inbox: { [H]: before } },
      { inbox: { [H]: before }, outbox: reply },
      { inbox: { [H]: tornAfter(before, after, 1) }, outbox: reply }, // CLEAN in sector 0, checksum still the request's
      { inbox: { [H]: tornAfter(before, after, 1) }, outbox: reply },
      { inbox: { [H]: after }, outbox: reply },
    ]);
    const [record] = historyOf(reads).requests.list();
    expect(record).toMatchObject({ repliedAt: at(2), hostAckedAt: at(5) });
  });

  it('marks steps seen only together with a later one as inferred', () => {
    const [record] = historyOf(readsOf([pool({}), pool({ 0: request() }), pool({ 0: CLEAN }, { 0: CLEAN }), pool({})])).requests.list();
    expect(record).toMatchObject({ repliedAt: at(3), hostAckedAt: at(3), spmAckedAt: at(3), freedAt: at(4), inferred: ['reply'], result: 'unknown' });
    // The reply's real time is unknown: the latency to it is an upper bound, none is given from it.
    expect(latencies(record)).toMatchObject({ replyMs: 500, hostAckMs: null, totalMs: 1000 });
  });

  it('calls a request stuck once it has waited MAILBOX_STUCK_S with no reply, and not after the reply', () => {
    const waiting = Array.from({ length: 25 }, () => pool({ 0: request() }));
    const history = historyOf(readsOf([pool({}), ...waiting]), { stuckMs: 10_000 });
    const [record] = history.requests.list();
    expect(isStuck(record, at(21), 10_000)).toBe(false); // 9.5 s after seq 2
    expect(isStuck(record, at(22), 10_000)).toBe(true);
    record.repliedAt = at(23);
    expect(isStuck(record, at(26), 10_000)).toBe(false);
  });

  it('marks requests already under way at the first read as partial, with no latency from their unknown start', () => {
    const [record] = historyOf(readsOf(HANDSHAKE.slice(2))).requests.list();
    expect(record).toMatchObject({ partial: true, requestedAt: at(1), repliedAt: at(1) });
    expect(latencies(record)).toMatchObject({ replyMs: null, hostAckMs: null, spmAckMs: 500, totalMs: null });
  });

  it('says abandoned when the host frees a slot that never got a reply', () => {
    const [record] = historyOf(readsOf([pool({}), pool({ 0: request() }), pool({})])).requests.list();
    expect(record).toMatchObject({ result: 'abandoned', freedAt: at(3), repliedAt: null });
  });
});
