import { intParam, seqParam } from '@/lib/api/params';
import { json } from '@/lib/api/respond';
import { episodesResponse } from '@/lib/sources/history-views';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Checksum-failure episodes, newest first, as a JSON array (`X-Total-Count`: how many matched before `limit`). `?since=SEQ`: those with a failed read after SEQ or still
 * pending; `?host=N`; `?limit=N` (default 500).
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
  const { total, episodes } = episodesResponse(source, { since: since.value, host: host.value, limit: limit.value });
  return json(episodes, { headers: { 'X-Total-Count': String(total) } });
}
