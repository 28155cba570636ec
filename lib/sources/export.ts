import 'server-only';
/**
 * Export of the current or a past read: the raw window as `dd` would have
 * read it, or JSON with the bytes (base64) and their decoding.
 */
import { createHash } from 'node:crypto';
import { decodeDump } from '@/lib/api/decode-dump';
import type { DecodeResponse } from '@/lib/api/types';
import type { VolumeKind } from '@/lib/mailbox';
import type { LiveSource } from './live-source';
import { pastRead } from './past-read';
import type { PollRead } from './poller';

export interface ExportedVolume {
  volume: VolumeKind;
  path: string;
  size: number;
  sha256: string;
  base64: string;
  decoded: DecodeResponse;
}

export interface ExportJson {
  source: string;
  seq: number;
  readAt: string;
  maxHostId: number;
  inbox: ExportedVolume | null;
  outbox: ExportedVolume | null;
}

export type Exported<T> = { ok: true; value: T; seq: number; filename: string } | { ok: false; status: number; code: string; message: string };

/** The read to export: `seq`, or the latest when null. */
async function readFor(source: LiveSource, seq: number | null): Promise<PollRead | { status: number; code: string; message: string }> {
  if (seq === null) return source.latestRead();
  const read = pastRead(source, seq);
  if (read) return read;
  const oldest = source.history.store.oldestSeq;
  return { status: 404, code: 'not_in_history', message: `read ${seq} of ${source.id} is not in the history (kept: ${oldest ?? '-'} to ${source.history.store.latest?.seq ?? '-'})` };
}

function unread(source: LiveSource, kind: VolumeKind, read: PollRead) {
  const volume = read[kind];
  const why = volume === null ? `${source.id} has no ${kind} configured` : `the ${kind} could not be read at read ${read.seq}: ${volume.error?.message ?? 'no bytes'}`;
  return { ok: false as const, status: 404, code: 'no_bytes', message: why };
}

export async function exportRaw(source: LiveSource, kind: VolumeKind, seq: number | null): Promise<Exported<Uint8Array>> {
  const read = await readFor(source, seq);
  if (!('seq' in read)) return { ok: false, ...read };
  const bytes = read[kind]?.bytes;
  if (!bytes) return unread(source, kind, read);
  return { ok: true, value: bytes, seq: read.seq, filename: `${source.id}-${kind}-seq${read.seq}.bin` };
}

export async function exportJson(source: LiveSource, kind: VolumeKind | null, seq: number | null): Promise<Exported<ExportJson>> {
  const read = await readFor(source, seq);
  if (!('seq' in read)) return { ok: false, ...read };
  const one = (k: VolumeKind): ExportedVolume | null => {
    const volume = read[k];
    if (!volume?.bytes || (kind !== null && kind !== k)) return null;
    const { bytes } = volume;
    return {
      volume: k, path: volume.path, size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
      decoded: decodeDump(bytes, k, source.options.maxHostId),
    };
  };
  if (kind !== null && !read[kind]?.bytes) return unread(source, kind, read);
  const value: ExportJson = {
    source: source.id, seq: read.seq, readAt: new Date(read.readAt).toISOString(), maxHostId: source.options.maxHostId,
    inbox: one('inbox'), outbox: one('outbox'),
  };
  return { ok: true, value, seq: read.seq, filename: `${source.id}-${kind ?? 'volumes'}-seq${read.seq}.json` };
}
