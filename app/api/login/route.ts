import { loginResponse } from '@/lib/security/login';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return loginResponse(request);
}
