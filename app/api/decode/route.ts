import { decodeDump } from '@/lib/api/decode-dump';
import { readBody } from '@/lib/api/read-body';
import { json, jsonError } from '@/lib/api/respond';
import { DEFAULT_MAX_HOST_ID, VOLUME_SIZE_BYTES } from '@/lib/mailbox';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 2 * VOLUME_SIZE_BYTES; // 32 MiB

export async function POST(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const kind = query.get('kind');
  if (kind !== 'inbox' && kind !== 'outbox') {
    return jsonError(400, 'bad_kind', `expected ?kind=inbox or ?kind=outbox, got ${kind === null ? 'none' : JSON.stringify(kind)}`);
  }
  const maxHostParam = query.get('maxHostId');
  const maxHostId = maxHostParam === null ? DEFAULT_MAX_HOST_ID : Number(maxHostParam);
  if (!Number.isInteger(maxHostId) || maxHostId < 1) {
    return jsonError(400, 'bad_max_host_id', `expected maxHostId to be a whole number ≥ 1, got ${JSON.stringify(maxHostParam)}`);
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === null) {
    return jsonError(413, 'too_large', `a dump is at most ${MAX_BODY_BYTES} bytes (32 MiB); send one volume (16 MiB) at a time`);
  }
  return json(decodeDump(body, kind, maxHostId));
}
