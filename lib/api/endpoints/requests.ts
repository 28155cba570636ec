import { requestsResponse } from '../history-answers';
import { listParams } from '../params';
import { json } from '../respond';
import type { SourceEndpoint } from './source-request';

/**
 * The requests followed in the history, as a JSON array: stuck first, then newest first. Headers count
 * them (`X-Total-Count` matched before `limit`; `X-Requests-Stuck`, `-Waiting`, `-Open` over all).
 * `?since=SEQ`: those with a step seen after SEQ (and every stuck one); `?host=N`; `?limit=N` (default 1000).
 */
export const requestsEndpoint: SourceEndpoint = async ({ source, query }) => {
  const filter = listParams(query, source.options.maxHostId);
  if (!filter.ok) return filter.response;
  await source.latestRead();
  const { matched, counts, stuckS, asOf, requests } = requestsResponse(source, filter.value);
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
};
