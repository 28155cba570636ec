import { intParam, seqParam } from '@/lib/api/params';
import { json } from '@/lib/api/respond';
import { requestsResponse } from '@/lib/sources/history-views';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The requests followed in the history, as a JSON array: stuck first, then newest first. Headers count
 * them (`X-Total-Count` matched before `limit`; `X-Requests-Stuck`, `-Waiting`, `-Open` over all). `?since=SEQ`: those with a
 * step seen after SEQ (and every stuck one); `?host=N`; `?limit=N` (default 1000).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const source = await findSource((await params).id);
  if (source instanceof Response) return source;
  const query = new URL(request.url).searchParams;
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const host = intParam(query, 'host', 1, source.options.maxHostId);
  if (!host.ok) return host.response;
  const limit = intParam(query, 'limit', 1, 100_000);
  if (!limit.ok) return limit.response;
  await source.latestRead();
  const { matched, counts, stuckS, asOf, requests } = requestsResponse(source, { since: since.value, host: host.value, limit: limit.value });
  return json(requests, {
    headers: {
      'X-Total-Count': String(matched),
      'X-Requests-Stuck': String(counts.stuck),
      'X-Requests-Waiting': String(counts.waiting),
      'X-Requests-Open': String(counts.open),
      'X-Stuck-After-S': String(stuckS),
      ...(asOf ? { 'X-Mailbox-Read-At': asOf } : {}),
    },
  });
}
