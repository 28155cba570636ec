import { listParams } from '@/lib/api/params';
import { json } from '@/lib/api/respond';
import { episodesResponse } from '@/lib/sources/history-views';
import { sourceRoute } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Checksum-failure episodes, newest first, as a JSON array (`X-Total-Count`: how many matched before `limit`).
 * `?since=SEQ`: those updated after SEQ (a failed read, or resolved: see `updatedSeq`) or still pending; `?host=N`; `?limit=N` (default 500).
 */
export const GET = sourceRoute(async ({ source, query }) => {
  const filter = listParams(query, source.options.maxHostId);
  if (!filter.ok) return filter.response;
  await source.latestRead();
  const { total, episodes } = episodesResponse(source, filter.value);
  return json(episodes, { headers: { 'X-Total-Count': String(total) } });
});
