import { episodesEndpoint } from '@/lib/api/endpoints/episodes';
import { sourceRoute } from '@/lib/api/server/source-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(episodesEndpoint);
