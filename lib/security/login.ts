import 'server-only';
import { sameSecret, SESSION_COOKIE, sessionValue } from './session';
import { parseSecurity } from './settings';

const MAX_FORM_BYTES = 4096;
const SESSION_MAX_AGE_S = 12 * 3600;

/** Only a path on this site: never "//other.example" or "https://…" (an open redirect). */
function localPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}

function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (cookie) headers.set('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** POST /api/login (a form with `token` and `next`): sets the session cookie when the token is right. */
export async function loginResponse(request: Request): Promise<Response> {
  const parsed = parseSecurity(process.env);
  const token = parsed.ok ? parsed.settings.token : null;
  if (token === null) return seeOther('/');
  const text = await request.text().catch(() => '');
  const form = new URLSearchParams(text.length <= MAX_FORM_BYTES ? text : '');
  const next = localPath(form.get('next'));
  if (!sameSecret(form.get('token') ?? '', token)) return seeOther(`/login?error=1&next=${encodeURIComponent(next)}`);
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const cookie = `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure ? '; Secure' : ''}`;
  return seeOther(next, cookie);
}
