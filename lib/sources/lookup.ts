import 'server-only';
import { jsonError } from '@/lib/api/respond';
import type { LiveSource } from './live-source';
import { registry } from './registry';

/** The source a request names, or the 404 response to send. */
export async function findSource(id: string): Promise<LiveSource | Response> {
  const sources = await registry();
  const source = sources.get(id);
  if (source) return source;
  const known = sources.sources.map((s) => s.id).join(', ');
  return jsonError(404, 'unknown_source', `no source ${JSON.stringify(id)}; configured sources: ${known}`);
}

export interface SourceRequest<P> {
  source: LiveSource;
  query: URLSearchParams;
  params: P;
  request: Request;
}

/**
 * A route handler under /api/sources/{id}/…: answers 404 for an unknown
 * source, then hands the handler the source, the query and the other params.
 */
export function sourceRoute<P extends { id: string }>(handler: (r: SourceRequest<P>) => Promise<Response> | Response) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = await context.params;
    const source = await findSource(params.id);
    if (source instanceof Response) return source;
    return handler({ source, query: new URL(request.url).searchParams, params, request });
  };
}
