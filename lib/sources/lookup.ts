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
