import { incidentMarkdown } from '../incident';
import { seqParam, sinceParam } from '../params';
import type { SourceEndpoint } from './source-request';

/** The incident summary as Markdown. `?since=` a seq, an ISO time or 15m/1h ago; `?until=SEQ`. */
export const incidentEndpoint: SourceEndpoint = async ({ source, query, opened }) => {
  const latest = await source.latestRead();
  const since = sinceParam(query, latest.readAt);
  if (!since.ok) return since.response;
  const until = seqParam(query, 'until');
  if (!until.ok) return until.response;
  const markdown = incidentMarkdown(source, { sinceSeq: since.value.seq, sinceMs: since.value.ms, untilSeq: until.value }, opened ?? null);
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' } });
};
