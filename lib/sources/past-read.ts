/**
 * A past read rebuilt from the history: each mailbox's latest version at or
 * before the seq. Pure, over any source's history.
 */
import { decodeVolume, mailboxAt, mailboxCount, mailboxesOf, type VolumeKind } from '@/lib/mailbox';
import type { PollRead, VolumeRead } from './read';
import type { DecodedRead, SourceView } from './source-view';

/** The read `seq` as the poller gave it (bytes rebuilt, no stat or crcs); null once it left the history. */
export function pastRead(source: SourceView, seq: number): PollRead | null {
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

/** The read `seq` decoded: the latest read's cached decoding, or rebuilt from the history; null once it left it. */
export function decodedReadAt(source: SourceView, seq: number | null): DecodedRead | null {
  const latest = source.latestDecoded();
  if (seq === null || latest?.read.seq === seq) return latest;
  const read = pastRead(source, seq);
  if (!read) return null;
  const decode = (kind: VolumeKind) => {
    const bytes = read[kind]?.bytes;
    return bytes ? decodeVolume(bytes, kind, { maxHostId: source.options.maxHostId }) : null;
  };
  return { read, inbox: decode('inbox'), outbox: decode('outbox') };
}

export interface MailboxPair {
  seq: number;
  readAt: number;
  inbox: Uint8Array | null;
  outbox: Uint8Array | null;
}

function slice(read: VolumeRead | null, host: number): Uint8Array | null {
  const source = mailboxesOf(read);
  return source && host < mailboxCount(source) ? mailboxAt(source, host) : null;
}

/** One host's two mailboxes at read `seq`, from the latest read or the history; null once it left the history. */
export function mailboxesAt(source: SourceView, host: number, seq: number): MailboxPair | null {
  const latest = source.peekRead();
  if (latest?.seq === seq) return { seq, readAt: latest.readAt, inbox: slice(latest.inbox, host), outbox: slice(latest.outbox, host) };
  const { store } = source.history;
  const entry = store.entry(seq);
  if (!entry) return null;
  const bytes = (kind: VolumeKind) => ((entry[kind]?.mailboxes ?? 0) > host ? store.mailboxAt(kind, host, seq) ?? null : null);
  return { seq, readAt: entry.readAt, inbox: bytes('inbox'), outbox: bytes('outbox') };
}

/** The read before the latest change of either of the host's mailboxes at or before `seq` ("changed since"). */
export function previousChangeSeq(source: SourceView, host: number, seq: number): number | null {
  const { store } = source.history;
  const changedAt = Math.max(store.versionAt('inbox', host, seq)?.seq ?? -1, store.versionAt('outbox', host, seq)?.seq ?? -1);
  return changedAt > 0 ? changedAt - 1 : null;
}
