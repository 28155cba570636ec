import { jsonError } from '@/lib/api/respond';
import { registry } from '@/lib/sources/registry';
import { EXAMPLE_KINDS, findExample, inspectorUrl, isExampleKind } from '../find-example';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function redirect(location: string): Response {
  return new Response(null, { status: 307, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

/**
 * "See one now": redirects to the live page at the newest read of the demo
 * (or `?source=`, or the first source) that shows the example, or to a page
 * saying there is none in the history yet.
 */
export async function GET(request: Request, context: { params: Promise<{ what: string }> }): Promise<Response> {
  const { what } = await context.params;
  if (!isExampleKind(what)) {
    return jsonError(404, 'unknown_example', `no example ${JSON.stringify(what)}; known: ${EXAMPLE_KINDS.join(', ')}`);
  }
  const { sources } = await registry();
  const asked = new URL(request.url).searchParams.get('source');
  const source = asked !== null ? sources.find((s) => s.id === asked) : sources.find((s) => s.config.demo) ?? sources[0];
  if (!source) {
    return jsonError(404, 'unknown_source', `no source ${JSON.stringify(asked)}; configured sources: ${sources.map((s) => s.id).join(', ')}`);
  }
  await source.latestRead();
  const found = findExample(source.history, what, source.options.maxHostId);
  if (found) return redirect(inspectorUrl(source.id, found));
  return redirect(`/learn/not-yet?${new URLSearchParams({ what, source: source.id })}`);
}
