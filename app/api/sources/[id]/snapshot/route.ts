import { json } from '@/lib/api/respond';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const source = await findSource((await params).id);
  if (source instanceof Response) return source;
  const { snapshot, etag } = await source.snapshot();
  // The ETag follows the bytes read; these headers tell a 304's receiver that a read did happen.
  const headers = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    'X-Mailbox-Seq': String(snapshot.seq),
    'X-Mailbox-Read-At': snapshot.readAt,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return json(snapshot, { headers });
}
