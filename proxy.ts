/**
 * Every request passes here first (Next 16's proxy, formerly middleware):
 * the gate (Host, method, path, origin, token), then security headers and a
 * fresh nonce for the page's inline scripts.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gate } from '@/lib/security/gate';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { allowedHostNames } from '@/lib/security/hosts';
import { SESSION_COOKIE } from '@/lib/security/session';
import { parseSecurity, type SecuritySettings } from '@/lib/security/settings';

let cached: { settings: SecuritySettings; hosts: Set<string> } | null = null;

function security(): { settings: SecuritySettings; hosts: Set<string> } {
  if (cached) return cached;
  const parsed = parseSecurity(process.env);
  // Bad settings stop the server at start (instrumentation); fail closed should one slip through.
  const settings = parsed.ok ? parsed.settings : { token: crypto.randomUUID() + crypto.randomUUID(), allowedHosts: [], metricsPublic: false };
  cached = { settings, hosts: allowedHostNames(settings.allowedHosts) };
  return cached;
}

function withHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const { settings, hosts } = security();
  const raw = new URL(request.url);
  const decision = gate({
    method: request.method,
    pathname: raw.pathname,
    search: raw.search,
    host: request.headers.get('host'),
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    authorization: request.headers.get('authorization'),
    sessionCookie: request.cookies.get(SESSION_COOKIE)?.value,
  }, settings, hosts);

  if (!decision.pass) {
    if ('redirect' in decision) return withHeaders(NextResponse.redirect(new URL(decision.redirect, request.url), 303), csp);
    const response = NextResponse.json({ error: { code: decision.code, message: decision.message } }, { status: decision.status, headers: decision.headers });
    response.headers.set('Cache-Control', 'no-store');
    return withHeaders(response, csp);
  }
  // Next reads the nonce for its own scripts from the request's policy header.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  matcher: '/:path*',
};
