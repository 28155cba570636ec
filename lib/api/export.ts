/**
 * Export of the current or a past read: the raw window as `dd` would have
 * read it, or JSON with the bytes (base64) and their decoding.
 */
import type { VolumeKind } from '@/lib/mailbox';
import { pastRead } from '@/lib/sources/past-read';
import type { PollRead } from '@/lib/sources/read';
import type { SourceView } from '@/lib/sources/source-view';
import { base64, sha256Hex } from './base64';
import { decodeDump } from './decode-dump';
import { iso } from './iso';
import type { DecodeResponse } from './types';

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

type Refusal = Extract<Exported<never>, { ok: false }>;

/** The read to export: `seq`, or the latest when null. */
async function readFor(source: SourceView, seq: number | null): Promise<PollRead | Refusal> {
  if (seq === null) return source.latestRead();
  const read = pastRead(source, seq);
  if (read) return read;
  const { store } = source.history;
  return {
    ok: false, status: 404, code: 'not_in_history',
    message: `read ${seq} of ${source.id} is not in the history (kept: ${store.oldestSeq ?? '-'} to ${store.latest?.seq ?? '-'})`,
  };
}

function unread(source: SourceView, kind: VolumeKind, read: PollRead): Refusal {
  const volume = read[kind];
  const why = volume === null ? `${source.id} has no ${kind} configured` : `the ${kind} could not be read at read ${read.seq}: ${volume.error?.message ?? 'no bytes'}`;
  return { ok: false, status: 404, code: 'no_bytes', message: why };
}

export async function exportRaw(source: SourceView, kind: VolumeKind, seq: number | null): Promise<Exported<Uint8Array>> {
  const read = await readFor(source, seq);
  if ('ok' in read) return read;
  const bytes = read[kind]?.bytes;
  if (!bytes) return unread(source, kind, read);
  return { ok: true, value: bytes, seq: read.seq, filename: `${source.id}-${kind}-seq${read.seq}.bin` };
}

export async function exportJson(source: SourceView, kind: VolumeKind | null, seq: number | null): Promise<Exported<ExportJson>> {
  const read = await readFor(source, seq);
  if ('ok' in read) return read;
  if (kind !== null && !read[kind]?.bytes) return unread(source, kind, read);
  const one = async (k: VolumeKind): Promise<ExportedVolume | null> => {
    const volume = read[k];
    if (!volume?.bytes || (kind !== null && kind !== k)) return null;
    const { bytes } = volume;
    return {
      volume: k, path: volume.path, size: bytes.length, sha256: await sha256Hex(bytes), base64: base64(bytes),
      decoded: decodeDump(bytes, k, source.options.maxHostId),
    };
  };
  const value: ExportJson = {
    source: source.id, seq: read.seq, readAt: iso(read.readAt), maxHostId: source.options.maxHostId,
    inbox: await one('inbox'), outbox: await one('outbox'),
  };
  return { ok: true, value, seq: read.seq, filename: `${source.id}-${kind ?? 'volumes'}-seq${read.seq}.json` };
}
