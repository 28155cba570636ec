import { historyResponse, MAX_HISTORY_READS } from '../history-answers';
import { intParam, seqParam } from '../params';
import { answerOnce, queryKey, serveAnswer } from '../answer-cache';
import type { SourceEndpoint } from './source-request';

/** `?since=SEQ`: the reads after SEQ (all kept reads without it); `?limit=N` caps how many. */
export const historyEndpoint: SourceEndpoint = async ({ source, query, request }) => {
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const limit = intParam(query, 'limit', 1, MAX_HISTORY_READS);
  if (!limit.ok) return limit.response;
  const read = await source.latestRead();
  const answer = answerOnce(source, read, queryKey('history', query), () => ({ body: historyResponse(source, since.value, limit.value ?? undefined) }));
  return serveAnswer(request, answer, { 'Cache-Control': 'no-store' });
};
