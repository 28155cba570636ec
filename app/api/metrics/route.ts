import { metrics } from '@/lib/metrics/metrics';
import { registry } from '@/lib/sources/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus text exposition of every source's metrics. */
export async function GET(): Promise<Response> {
  await registry(); // the pollers start with the registry: scraping first must not find nothing
  const { registry: promRegistry } = metrics();
  return new Response(await promRegistry.metrics(), { headers: { 'Content-Type': promRegistry.contentType, 'Cache-Control': 'no-store' } });
}
