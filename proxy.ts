/**
 * Every request passes here first (Next 16's proxy, formerly middleware):
 * the gate (Host, method, path, origin, token), then security headers and a
 * fresh nonce for the page's inline scripts. /api/decode applies the same
 * itself (lib/security/guard.ts): through the proxy, Next would hold each
 * upload in memory twice before the route could refuse it.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { decide, refusal, setSecurityHeaders } from '@/lib/security/guard';
import { contentSecurityPolicy } from '@/lib/security/headers';

export function proxy(request: NextRequest): Response {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const refused = refusal(decide(request), request, csp);
  if (refused) return refused;
  // Next reads the nonce for its own scripts from the request's policy header.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  setSecurityHeaders(response.headers, csp);
  return response;
}

export const config = {
  matcher: '/((?!api/decode).*)',
};
