import 'server-only';
import { gate, type GateDecision } from './gate';
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from './headers';
import { allowedHostNames } from './hosts';
import { SESSION_COOKIE } from './session';
import { parseSecurity, type SecuritySettings } from './settings';

let cached: { settings: SecuritySettings; hosts: Set<string> } | null = null;

function security(): { settings: SecuritySettings; hosts: Set<string> } {
  if (cached) return cached;
  const parsed = parseSecurity(process.env);
  // Bad settings stop the server at start (instrumentation); fail closed should one slip through.
  const settings = parsed.ok ? parsed.settings : { token: crypto.randomUUID() + crypto.randomUUID(), allowedHosts: [], metricsPublic: false };
  cached = { settings, hosts: allowedHostNames(settings.allowedHosts) };
  return cached;
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The gate's decision for a request (see gate.ts). */
export function decide(request: Request): GateDecision {
  const { settings, hosts } = security();
  const url = new URL(request.url);
  return gate({
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    host: request.headers.get('host'),
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    authorization: request.headers.get('authorization'),
    sessionCookie: cookie(request.headers.get('cookie'), SESSION_COOKIE),
  }, settings, hosts);
}

export function setSecurityHeaders(headers: Headers, csp: string): void {
  headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
}

/** The refusal as an answer; null when the request may pass. */
export function refusal(decision: GateDecision, request: Request, csp: string): Response | null {
  if (decision.pass) return null;
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  setSecurityHeaders(headers, csp);
  if ('redirect' in decision) {
    headers.set('Location', new URL(decision.redirect, request.url).toString());
    return new Response(null, { status: 303, headers });
  }
  for (const [name, value] of Object.entries(decision.headers ?? {})) headers.set(name, value);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify({ error: { code: decision.code, message: decision.message } }), { status: decision.status, headers });
}

/**
 * For a route the proxy does not see (/api/decode: Next would buffer its
 * whole upload twice just to show it to the proxy): the same gate and
 * headers, applied by the route itself.
 */
export async function guarded(request: Request, handler: () => Promise<Response>): Promise<Response> {
  const csp = API_CONTENT_SECURITY_POLICY;
  const refused = refusal(decide(request), request, csp);
  if (refused) return refused;
  const response = await handler();
  setSecurityHeaders(response.headers, csp);
  return response;
}
