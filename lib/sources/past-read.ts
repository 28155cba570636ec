import 'server-only';
/**
 * A past read rebuilt from the history (each mailbox's latest version at or
 * before the seq), and the snapshot as it was served then.
 */
import type { Snapshot } from '@/lib/api/types';
import { decodeVolume, type VolumeKind } from '@/lib/mailbox';
import type { LiveSource } from './live-source';
import type { PollRead, VolumeRead } from './poller';
import { buildSnapshot } from './snapshot';

/** The read `seq` as the poller gave it (bytes rebuilt, no stat or crcs); null once it left the history. */
export function pastRead(source: LiveSource, seq: number): PollRead | null {
  const { store } = source.history;
  const entry = store.entry(seq);
  if (!entry) return null;
  const volume = (kind: VolumeKind): VolumeRead | null => {
    const v = entry[kind];
    if (!v) return null;
    return {
      kind, path: v.path, bytes: store.volumeAt(kind, seq) ?? null, crcs: null, direct: v.direct, error: v.error,
      readMs: v.readMs, warnings: v.warnings, stat: null, lastOkAt: v.lastOkAt,
    };
  };
  return { seq, readAt: entry.readAt, readMs: entry.readMs, inbox: volume('inbox'), outbox: volume('outbox') };
}

export function pastSnapshot(source: LiveSource, seq: number): Snapshot | null {
  const read = pastRead(source, seq);
  if (!read) return null;
  const decode = (kind: VolumeKind) => {
    const bytes = read[kind]?.bytes;
    return bytes ? decodeVolume(bytes, kind, { maxHostId: source.options.maxHostId }) : null;
  };
  return buildSnapshot({
    source: source.id, demo: source.config.demo, pollMs: source.options.pollMs, maxHostId: source.options.maxHostId,
    read, inbox: decode('inbox'), outbox: decode('outbox'),
  });
}
