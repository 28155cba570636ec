import { historyResponse, MAX_HISTORY_READS } from '../history-answers';
import { intParam, seqParam } from '../params';
import { json } from '../respond';
import type { SourceEndpoint } from './source-request';

/** `?since=SEQ`: the reads after SEQ (all kept reads without it); `?limit=N` caps how many. */
export const historyEndpoint: SourceEndpoint = async ({ source, query }) => {
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const limit = intParam(query, 'limit', 1, MAX_HISTORY_READS);
  if (!limit.ok) return limit.response;
  await source.latestRead();
  return json(historyResponse(source, since.value, limit.value ?? undefined));
};
