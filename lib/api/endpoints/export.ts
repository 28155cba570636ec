import { exportJson, exportRaw } from '../export';
import { oneOf, seqParam } from '../params';
import { json, jsonError } from '../respond';
import type { SourceEndpoint } from './source-request';

/**
 * `?volume=inbox|outbox[&seq=SEQ]`: the window as read (raw bytes, what `dd` would have given);
 * `&format=json`: the bytes in base64 with their decoding (volume optional: both).
 */
export const exportEndpoint: SourceEndpoint = async ({ source, query }) => {
  const format = oneOf(query, 'format', ['bin', 'json'] as const, 'bin');
  if (!format.ok) return format.response;
  const volume = oneOf(query, 'volume', ['inbox', 'outbox'] as const, null);
  if (!volume.ok) return volume.response;
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;

  if (format.value === 'json') {
    const result = await exportJson(source, volume.value, seq.value);
    if (!result.ok) return jsonError(result.status, result.code, result.message);
    return json(result.value, { headers: { 'Content-Disposition': `attachment; filename="${result.filename}"`, 'X-Mailbox-Seq': String(result.seq) } });
  }
  if (volume.value === null) return jsonError(400, 'bad_volume', 'expected volume to be inbox or outbox for a raw export (or add format=json for both)');
  const result = await exportRaw(source, volume.value, seq.value);
  if (!result.ok) return jsonError(result.status, result.code, result.message);
  // A copy: a fresh ArrayBuffer is what a Response body takes.
  return new Response(new Uint8Array(result.value), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(result.value.length),
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'no-store',
      'X-Mailbox-Seq': String(result.seq),
    },
  });
};
