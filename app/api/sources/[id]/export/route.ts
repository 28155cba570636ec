import { exportEndpoint } from '@/lib/api/endpoints/export';
import { sourceRoute } from '@/lib/api/server/source-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(exportEndpoint);
