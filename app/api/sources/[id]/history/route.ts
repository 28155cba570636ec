import { intParam, seqParam } from '@/lib/api/params';
import { json } from '@/lib/api/respond';
import { historyResponse, MAX_HISTORY_READS } from '@/lib/sources/history-views';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `?since=SEQ`: the reads after SEQ (all kept reads without it); `?limit=N` caps how many. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const source = await findSource((await params).id);
  if (source instanceof Response) return source;
  const query = new URL(request.url).searchParams;
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const limit = intParam(query, 'limit', 1, MAX_HISTORY_READS);
  if (!limit.ok) return limit.response;
  await source.latestRead();
  return json(historyResponse(source, since.value, limit.value ?? undefined));
}
