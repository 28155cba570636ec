import { json } from '@/lib/api/respond';
import { sourceInfo } from '@/lib/api/source-info';
import type { SourcesResponse } from '@/lib/api/types';
import { registry } from '@/lib/sources/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { sources } = await registry();
  await Promise.all(sources.map((s) => s.latestRead()));
  const body: SourcesResponse = { sources: sources.map(sourceInfo) };
  return json(body);
}
