import { describe, expect, it } from 'vitest';
import { CLEAN, encodeMailbox, extend } from '@/lib/mailbox';
import { findExample, inspectorUrl } from '@/app/learn/see/find-example';
import { historyOf, MAX_HOST_ID, readsOf, tornAfter } from '../support/history';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const request = encodeMailbox({ 4: extend(D, V, 128) });
const failed = encodeMailbox({ 4: extend(D, V, 0) }, { kind: 'outbox' });
const clean = encodeMailbox({ 4: CLEAN });

// seq 1: host 2 asks; 2: the SPM fails it; 3-4: host 2 acknowledges, host 6 asks;
// 5: nothing changes; 6: host 2 frees the slot, host 10 (= maxHostId) writes mail nobody reads.
const reads = readsOf([
  { inbox: { 2: request } },
  { inbox: { 2: request }, outbox: { 2: failed } },
  { inbox: { 2: clean, 6: request }, outbox: { 2: failed } },
  { inbox: { 2: clean, 6: request }, outbox: { 2: failed } },
  { inbox: { 2: clean, 6: request }, outbox: { 2: failed } },
  { inbox: { 6: request, [MAX_HOST_ID]: request }, outbox: { 2: failed } },
]);

describe('see one now', () => {
  const history = historyOf(reads);

  it('finds the newest read that shows each example, and where', () => {
    expect(findExample(history, 'failed', MAX_HOST_ID)).toEqual({ seq: 2, host: 2, slot: 4 });
    expect(findExample(history, 'clean', MAX_HOST_ID)).toEqual({ seq: 5, host: 2, slot: 4 });
    expect(findExample(history, 'requested', MAX_HOST_ID)).toEqual({ seq: 6, host: 6, slot: 4 });
    expect(findExample(history, 'outside', MAX_HOST_ID)).toEqual({ seq: 6, host: MAX_HOST_ID, slot: 4 });
    expect(findExample(history, 'replied', MAX_HOST_ID)).toBeNull();
  });

  it('gives up after a bounded number of mailboxes, so a search cannot stall the server', () => {
    // the newest read has 10 hosts to look at; the failed reply is 4 reads back
    expect(findExample(history, 'failed', MAX_HOST_ID, 10)).toBeNull();
    expect(findExample(history, 'failed', MAX_HOST_ID, 20)).toEqual({ seq: 2, host: 2, slot: 4 });
  });

  it('finds a proven tear at a read that saw the torn mailbox', () => {
    const full = encodeMailbox(Object.fromEntries(Array.from({ length: 40 }, (_, s) => [s, extend(D, V, 64 + s)])));
    const torn = historyOf(readsOf([
      { inbox: { 3: request } },
      { inbox: { 3: tornAfter(request, full, 2) } },
      { inbox: { 3: full } },
      { inbox: { 3: full } },
    ]));
    expect(findExample(torn, 'torn', MAX_HOST_ID)).toEqual({ seq: 2, host: 3, slot: null });
    expect(findExample(history, 'torn', MAX_HOST_ID)).toBeNull();
  });

  it('prefers a tear that dropped mail to a newer one of a mailbox without mail', () => {
    const full = encodeMailbox(Object.fromEntries(Array.from({ length: 40 }, (_, s) => [s, extend(D, V, 64 + s)])));
    const empty = new Uint8Array(4096);
    const both = historyOf(readsOf([
      { inbox: { 3: request, 5: clean } },
      { inbox: { 3: tornAfter(request, full, 2), 5: clean } },
      { inbox: { 3: full, 5: clean } },
      { inbox: { 3: full, 5: tornAfter(clean, empty, 1) } }, // host 5 frees its slot: data gone, old checksum 64 (STALE)
      { inbox: { 3: full, 5: empty } },
    ]));
    expect(both.episodes.list().map((e) => [e.host, e.verdict])).toEqual([[3, 'torn'], [5, 'torn']]);
    expect(findExample(both, 'torn', MAX_HOST_ID)).toEqual({ seq: 2, host: 3, slot: null });
  });

  it('links to the live page’s URL state', () => {
    expect(inspectorUrl('demo', { seq: 12, host: 3, slot: 4 })).toBe('/?source=demo&seq=12&host=3&slot=4');
    expect(inspectorUrl('demo', { seq: 12, host: 3, slot: null })).toBe('/?source=demo&seq=12&host=3');
  });
});
