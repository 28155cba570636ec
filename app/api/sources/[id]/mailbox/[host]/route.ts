import { json, jsonError } from '@/lib/api/respond';
import { findSource } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; host: string }> }): Promise<Response> {
  const { id, host } = await params;
  const source = await findSource(id);
  if (source instanceof Response) return source;
  const hostId = Number(host);
  if (!/^\d+$/.test(host) || hostId < 1 || hostId > source.options.maxHostId) {
    return jsonError(400, 'bad_host', `host must be a number from 1 to ${source.options.maxHostId}, got ${JSON.stringify(host)}`);
  }
  return json(await source.mailbox(hostId));
}
