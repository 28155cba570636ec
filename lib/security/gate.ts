import 'server-only';
import { hostNameOf, originHostName } from './hosts';
import { hasToken } from './session';
import type { SecuritySettings } from './settings';

export interface GateRequest {
  method: string;
  /** the path as sent, still percent-encoded */
  pathname: string;
  search: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  authorization: string | null;
  sessionCookie: string | undefined;
}

export type GateDecision =
  | { pass: true }
  | { pass: false; status: number; code: string; message: string; headers?: Record<string, string> }
  | { pass: false; redirect: string };

const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/** What a browser needs to show the login page; everything else needs the token. */
function openWithoutToken(pathname: string, settings: SecuritySettings): boolean {
  return pathname === '/login' || pathname === '/api/login' || pathname.startsWith('/_next/static/') ||
    pathname === '/icon.svg' || pathname === '/favicon.ico' || (settings.metricsPublic && pathname === '/api/metrics');
}

function malformedSegment(pathname: string): string | null {
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/**
 * Decides whether a request reaches the app: a Host this server answers to, a
 * method it has, a path that decodes, the same origin for anything but GET,
 * and the token when one is configured.
 */
export function gate(request: GateRequest, settings: SecuritySettings, allowedHosts: ReadonlySet<string>): GateDecision {
  const host = hostNameOf(request.host);
  if (host === null || !allowedHosts.has(host)) {
    return {
      pass: false, status: 403, code: 'host_not_allowed',
      message: `this inspector does not answer to the host ${JSON.stringify(request.host ?? '')} ` +
        '(use its address, or add the name to MAILBOX_ALLOWED_HOSTS when it sits behind a proxy)',
    };
  }
  if (!METHODS.has(request.method)) {
    return {
      pass: false, status: 405, code: 'method_not_allowed', headers: { Allow: [...METHODS].join(', ') },
      message: `${request.method} is not supported here; the inspector answers GET, HEAD and POST`,
    };
  }
  const bad = malformedSegment(request.pathname);
  if (bad !== null) {
    return { pass: false, status: 400, code: 'bad_path', message: `the path segment ${JSON.stringify(bad)} is not valid percent-encoded UTF-8` };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const originHost = request.origin === null ? null : originHostName(request.origin);
    const crossSite = request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site';
    if ((request.origin !== null && (originHost === null || originHost !== host)) || crossSite) {
      return {
        pass: false, status: 403, code: 'cross_origin',
        message: `a ${request.method} from another site (${request.origin ?? request.secFetchSite}) is refused; send it from the inspector's own page or a script`,
      };
    }
  }
  if (settings.token !== null && !openWithoutToken(request.pathname, settings)) {
    if (!hasToken(settings.token, request.authorization, request.sessionCookie)) {
      if (request.method === 'GET' && !request.pathname.startsWith('/api/')) {
        return { pass: false, redirect: `/login?next=${encodeURIComponent(request.pathname + request.search)}` };
      }
      return {
        pass: false, status: 401, code: 'token_required', headers: { 'WWW-Authenticate': 'Bearer realm="mailbox-inspector"' },
        message: 'this inspector needs its token: send "Authorization: Bearer $MAILBOX_TOKEN", or log in at /login in a browser',
      };
    }
  }
  return { pass: true };
}
