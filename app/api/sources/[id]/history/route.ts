import { historyEndpoint } from '@/lib/api/endpoints/history';
import { sourceRoute } from '@/lib/api/server/source-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(historyEndpoint);
