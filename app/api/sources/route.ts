import { json } from '@/lib/api/respond';
import { sourcesResponse } from '@/lib/api/source-info';
import { registry } from '@/lib/sources/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  // Answers at once, whatever the storage does: a source whose first read has not finished says so (pending).
  const { sources } = await registry();
  return json(sourcesResponse(sources));
}
