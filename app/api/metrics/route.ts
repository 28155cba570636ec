import { metrics } from '@/lib/metrics/metrics';
import { scrape } from '@/lib/metrics/scrape';
import { registry } from '@/lib/sources/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus text exposition of every source's metrics, from memory (a scrape never reads storage). */
export async function GET(): Promise<Response> {
  const { sources } = await registry(); // the pollers start with the registry: scraping first must not find nothing
  const m = metrics();
  return new Response(await scrape(m, sources), { headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' } });
}
