import { intParam, seqParam } from '@/lib/api/params';
import { json } from '@/lib/api/respond';
import { historyResponse, MAX_HISTORY_READS } from '@/lib/sources/history-views';
import { sourceRoute } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `?since=SEQ`: the reads after SEQ (all kept reads without it); `?limit=N` caps how many. */
export const GET = sourceRoute(async ({ source, query }) => {
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const limit = intParam(query, 'limit', 1, MAX_HISTORY_READS);
  if (!limit.ok) return limit.response;
  await source.latestRead();
  return json(historyResponse(source, since.value, limit.value ?? undefined));
});
