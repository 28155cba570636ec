import { episodesResponse } from '../history-answers';
import { listParams } from '../params';
import { json } from '../respond';
import type { SourceEndpoint } from './source-request';

/**
 * Checksum-failure episodes, newest first, as a JSON array (`X-Total-Count`: how many matched before `limit`).
 * `?since=SEQ`: those updated after SEQ (a failed read, or resolved: see `updatedSeq`) or still pending; `?host=N`; `?limit=N` (default 500).
 */
export const episodesEndpoint: SourceEndpoint = async ({ source, query }) => {
  const filter = listParams(query, source.options.maxHostId);
  if (!filter.ok) return filter.response;
  await source.latestRead();
  const { total, episodes } = episodesResponse(source, filter.value);
  return json(episodes, { headers: { 'X-Total-Count': String(total) } });
};
