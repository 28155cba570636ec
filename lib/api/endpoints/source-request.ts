/** What an endpoint under /api/sources/{id}/… is handed, on the server or in the browser's local API. */
import type { SourceView } from '@/lib/sources/source-view';

export interface SourceRequest<P = { id: string }> {
  source: SourceView;
  query: URLSearchParams;
  params: P;
  request: Request;
}

export type SourceEndpoint<P = { id: string }> = (r: SourceRequest<P>) => Promise<Response> | Response;
