import { requestsEndpoint } from '@/lib/api/endpoints/requests';
import { sourceRoute } from '@/lib/api/server/source-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(requestsEndpoint);
