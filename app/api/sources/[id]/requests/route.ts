import { json } from '@/lib/api/respond';
import { requestsResponse } from '@/lib/sources/history-views';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every request followed in the history: stuck first, then newest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const source = await findSource((await params).id);
  if (source instanceof Response) return source;
  await source.latestRead();
  return json(requestsResponse(source));
}
