import 'server-only';
import type { LiveSource } from '@/lib/sources/live-source';
import { registry } from '@/lib/sources/registry';
import type { SourceEndpoint } from '../endpoints/source-request';
import { jsonError } from '../respond';

/** The source a request names, or the 404 response to send. */
export async function findSource(id: string): Promise<LiveSource | Response> {
  const sources = await registry();
  const source = sources.get(id);
  if (source) return source;
  const known = sources.sources.map((s) => s.id).join(', ');
  return jsonError(404, 'unknown_source', `no source ${JSON.stringify(id)}; configured sources: ${known}`);
}

/**
 * A route handler under /api/sources/{id}/…: answers 404 for an unknown
 * source, then hands the endpoint the source, the query and the other params.
 */
export function sourceRoute<P extends { id: string }>(endpoint: SourceEndpoint<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = await context.params;
    const source = await findSource(params.id);
    if (source instanceof Response) return source;
    return endpoint({ source, query: new URL(request.url).searchParams, params, request });
  };
}
