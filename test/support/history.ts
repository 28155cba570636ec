/** Plain arrays of reads for the history and analysis tests, built with the encoders. */
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import { MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES } from '@/lib/mailbox';

export const MAX_HOST_ID = 10;
export const READ_EVERY_MS = 500;
export const T0 = Date.UTC(2026, 10, 24, 20, 47, 0);

export interface Pool {
  inbox?: Record<number, Uint8Array>;
  outbox?: Record<number, Uint8Array>;
}

/** One read per pool state: seq 1, 2, ... every READ_EVERY_MS from T0; volumes of MAX_HOST_ID + 1 mailboxes. */
export function readsOf(pools: Pool[], first = 1): ReadSample[] {
  const volume = (hosts: Record<number, Uint8Array> = {}) => {
    const bytes = new Uint8Array((MAX_HOST_ID + 1) * MAILBOX_SIZE_BYTES);
    for (const [host, mailbox] of Object.entries(hosts)) bytes.set(mailbox, Number(host) * MAILBOX_SIZE_BYTES);
    return { bytes };
  };
  return pools.map((pool, i) => ({
    seq: first + i, readAt: T0 + (first + i) * READ_EVERY_MS, inbox: volume(pool.inbox), outbox: volume(pool.outbox),
  }));
}

export function historyOf(reads: ReadSample[], settings: Partial<HistorySettings> = {}): SourceHistory {
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, ...settings, maxHostId: MAX_HOST_ID });
  for (const read of reads) history.ingest(read);
  return history;
}

/** `next` written over `previous` as 8 writes of 512 bytes (pre-2017 `dd bs=512`), stopped after `k` sectors. */
export function tornAfter(previous: Uint8Array, next: Uint8Array, k: number): Uint8Array {
  const out = previous.slice();
  out.set(next.subarray(0, k * SECTOR_SIZE_BYTES), 0);
  return out;
}
