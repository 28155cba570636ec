import { seqParam, sinceParam } from '@/lib/api/params';
import { incidentMarkdown } from '@/lib/sources/incident';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The incident summary as Markdown. `?since=` a seq, an ISO time or 15m/1h ago; `?until=SEQ`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const source = await findSource((await params).id);
  if (source instanceof Response) return source;
  const query = new URL(request.url).searchParams;
  const latest = await source.latestRead();
  const since = sinceParam(query, latest.readAt);
  if (!since.ok) return since.response;
  const until = seqParam(query, 'until');
  if (!until.ok) return until.response;
  const markdown = incidentMarkdown(source, { sinceSeq: since.value.seq, sinceMs: since.value.ms, untilSeq: until.value });
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' } });
}
