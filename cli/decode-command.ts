/** `decode`: each file given is read, decoded, and printed as text or as POST /api/decode's JSON. */
import { decodeDump } from '@/lib/api/decode-dump';
import { decodeVolume, type DecodedVolume, type VolumeKind } from '@/lib/mailbox';
import type { DecodeArgs } from './args';
import { decodeLog } from './log-reader';
import type { Streams } from './main';
import { readDump } from './read-dump';
import { textSummary } from './text-summary';

function refuse(path: string, role: string): string | null {
  switch (role) {
    case 'trace': return `${path}: a mailbox trace; open it on the inspector's /open page to replay it`;
    case 'log': return `${path}: a vdsm log; the log reader is not part of this build`;
    case 'unknown': return `${path}: not named like an inbox or outbox dump; say which it is with --inbox ${path} or --outbox ${path}`;
    default: return null;
  }
}

export async function decodeCommand(args: DecodeArgs, streams: Streams): Promise<number> {
  const volumes: Partial<Record<VolumeKind, { path: string; bytes: Uint8Array }>> = {};
  let code = 0;
  for (const file of args.files) {
    if (file.role === 'log' && decodeLog) {
      code = Math.max(code, await decodeLog(file.path, { json: args.json }, streams));
      continue;
    }
    const refused = refuse(file.path, file.role);
    if (refused) return fail(streams, refused);
    const kind = file.role as VolumeKind;
    if (volumes[kind]) return fail(streams, `${file.path}: a second ${kind} (after ${volumes[kind]!.path}); give one inbox and one outbox (a series of dumps opens on the /open page)`);
    const read = await readDump(file.path);
    if (!read.ok) return fail(streams, read.error);
    volumes[kind] = { path: file.path, bytes: read.bytes };
  }
  if (!volumes.inbox && !volumes.outbox) return code;

  if (args.json) {
    const out: Partial<Record<VolumeKind, unknown>> = {};
    for (const kind of ['inbox', 'outbox'] as const) {
      const v = volumes[kind];
      if (v) out[kind] = decodeDump(v.bytes, kind, args.maxHostId);
    }
    streams.out.write(`${JSON.stringify(out)}\n`);
    return code;
  }
  const decoded: Partial<Record<VolumeKind, { path: string; volume: DecodedVolume }>> = {};
  for (const kind of ['inbox', 'outbox'] as const) {
    const v = volumes[kind];
    if (v) decoded[kind] = { path: v.path, volume: decodeVolume(v.bytes, kind, { maxHostId: args.maxHostId }) };
  }
  streams.out.write(textSummary(decoded, args.maxHostId));
  return code;
}

function fail(streams: Streams, message: string): number {
  streams.err.write(`mailbox-inspector: ${message}\n`);
  return 1;
}
