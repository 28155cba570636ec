/**
 * Every endpoint under /api/sources/{id}/…, by path: the server's routes
 * mount them one by one, and a browser holding opened files answers the same
 * URLs from them without a server.
 */
import type { SourceView } from '@/lib/sources/source-view';
import { jsonError } from '../respond';
import { episodesEndpoint } from './episodes';
import { exportEndpoint } from './export';
import { historyEndpoint } from './history';
import { incidentEndpoint } from './incident';
import { mailboxEndpoint } from './mailbox';
import { requestsEndpoint } from './requests';
import { snapshotEndpoint } from './snapshot';
import type { OpenedContext } from './source-request';

export const SOURCE_ENDPOINTS = {
  snapshot: snapshotEndpoint,
  history: historyEndpoint,
  episodes: episodesEndpoint,
  requests: requestsEndpoint,
  export: exportEndpoint,
  incident: incidentEndpoint,
} as const;

const PATH = /^\/api\/sources\/([^/]+)\/(?:(snapshot|history|episodes|requests|export|incident)|mailbox\/([^/]+))\/?$/;

/** Answers a GET of `url` (path and query) for the sources given, as the server would. */
export async function answerLocally(sources: ReadonlyMap<string, SourceView>, url: string, init: RequestInit = {}, opened: OpenedContext | null = null): Promise<Response> {
  const parsed = new URL(url, 'http://local');
  const match = PATH.exec(parsed.pathname);
  if (!match) return jsonError(404, 'not_found', `no endpoint ${parsed.pathname}`);
  const id = decodeURIComponent(match[1]);
  const source = sources.get(id);
  if (!source) return jsonError(404, 'unknown_source', `no source ${JSON.stringify(id)}; open: ${[...sources.keys()].join(', ')}`);
  const request = new Request(parsed.href, { headers: init.headers });
  const query = parsed.searchParams;
  if (match[3] !== undefined) return mailboxEndpoint({ source, query, request, params: { id, host: decodeURIComponent(match[3]) } });
  return SOURCE_ENDPOINTS[match[2] as keyof typeof SOURCE_ENDPOINTS]({ source, query, request, params: { id }, opened });
}
