import { intParam } from '@/lib/api/params';
import { readBody } from '@/lib/api/read-body';
import { jsonError } from '@/lib/api/respond';
import { leaseDecoder, MAX_CONCURRENT_DECODES } from '@/lib/api/server/decode-pool';
import { DEFAULT_MAX_HOST_ID, VOLUME_SIZE_BYTES } from '@/lib/mailbox';
import { guarded } from '@/lib/security/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 2 * VOLUME_SIZE_BYTES; // 32 MiB
const RETRY_AFTER_S = 2;

/** A dump is sent, never fetched: say so in the usual shape. */
export async function GET(request: Request): Promise<Response> {
  return guarded(request, async () => {
    const response = jsonError(405, 'method_not_allowed', 'POST a dump here: curl --data-binary @inbox.dump "…/api/decode?kind=inbox"');
    response.headers.set('Allow', 'POST');
    return response;
  });
}

export async function POST(request: Request): Promise<Response> {
  return guarded(request, () => decode(request));
}

async function decode(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const kind = query.get('kind');
  if (kind !== 'inbox' && kind !== 'outbox') {
    return jsonError(400, 'bad_kind', `expected ?kind=inbox or ?kind=outbox, got ${kind === null ? 'none' : JSON.stringify(kind)}`);
  }
  const maxHostId = intParam(query, 'maxHostId', 1, 2000);
  if (!maxHostId.ok) return jsonError(400, 'bad_max_host_id', `expected maxHostId to be a whole number from 1 to 2000, got ${JSON.stringify(query.get('maxHostId'))}`);
  // The lease comes before the body: a crowd of uploads waits in nobody's memory.
  const lease = leaseDecoder();
  if (!lease) {
    const response = jsonError(429, 'busy', `${MAX_CONCURRENT_DECODES} dumps are being decoded already; send this one again in ${RETRY_AFTER_S} s`);
    response.headers.set('Retry-After', String(RETRY_AFTER_S));
    return response;
  }
  let body: Uint8Array | null;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch {
    lease.release();
    return jsonError(400, 'bad_body', 'the upload broke off before its end; send the dump again');
  }
  if (body === null) {
    lease.release();
    return jsonError(413, 'too_large', `a dump is at most ${MAX_BODY_BYTES} bytes (32 MiB); send one volume (16 MiB) at a time`);
  }
  return new Response(lease.stream(body, kind, maxHostId.value ?? DEFAULT_MAX_HOST_ID), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
