/**
 * A fetch that answers the inspector's API from sources held in this
 * browser: `/api/sources` and every `/api/sources/{id}/…` endpoint, built by
 * the same lib/api code as the server's answers. Nothing goes on the network.
 */
import { answerLocally } from '@/lib/api/endpoints';
import type { OpenedContext } from '@/lib/api/endpoints/source-request';
import { json, jsonError } from '@/lib/api/respond';
import { sourceInfo } from '@/lib/api/source-info';
import type { SourcesResponse } from '@/lib/api/types';
import type { SourceView } from '@/lib/sources/source-view';

export type LocalFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** `opened`: what the page holds beside the sources (vdsm logs), for the answers that use it (the incident summary). */
export function localFetch(sources: () => ReadonlyMap<string, SourceView>, opened: () => OpenedContext | null = () => null): LocalFetch {
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET') return jsonError(405, 'read_only', `${method} ${url}: opened files answer GET only`);
    const path = new URL(url, 'http://local').pathname;
    try {
      if (path === '/api/sources' || path === '/api/sources/') {
        const body: SourcesResponse = { sources: [...sources().values()].map(sourceInfo) };
        return json(body);
      }
      return await answerLocally(sources(), url, init, opened());
    } catch (err) {
      // As the server would: a failure is an answer, never a hang.
      return jsonError(500, 'internal', `${path}: ${(err as Error).message}`);
    }
  };
}
