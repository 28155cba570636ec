import { json } from '@/lib/api/respond';
import { sourceInfo } from '@/lib/api/source-info';
import type { SourcesResponse } from '@/lib/api/types';
import { registry } from '@/lib/sources/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  // Answers at once, whatever the storage does: a source whose first read has not finished says so (pending).
  const { sources } = await registry();
  const body: SourcesResponse = { sources: sources.map(sourceInfo) };
  return json(body);
}
