import { incidentEndpoint } from '@/lib/api/endpoints/incident';
import { sourceRoute } from '@/lib/api/server/source-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(incidentEndpoint);
