/** What an endpoint under /api/sources/{id}/… is handed, on the server or in the browser's local API. */
import type { LogFindings } from '@/lib/report/log-markdown';
import type { HostNames } from '@/lib/sources/host-names';
import type { SourceView } from '@/lib/sources/source-view';

/** What a browser holding opened files knows beside them: vdsm logs opened with the dumps. */
export interface OpenedContext {
  /** host names learnt from the logs' folders (a source's own names win) */
  hostNames: HostNames;
  /** the logs' findings on one timeline with the dumps, for the incident summary */
  logs: LogFindings | null;
}

export interface SourceRequest<P = { id: string }> {
  source: SourceView;
  query: URLSearchParams;
  params: P;
  request: Request;
  /** only for opened files, answered in the browser */
  opened?: OpenedContext | null;
}

export type SourceEndpoint<P = { id: string }> = (r: SourceRequest<P>) => Promise<Response> | Response;
