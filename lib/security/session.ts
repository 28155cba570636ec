import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'mailbox_session';

/** The login cookie's value: derived from the token, so the cookie never carries the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('mailbox-inspector session v1').digest('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a request carries the token: `Authorization: Bearer TOKEN` (scripts) or the login cookie (browsers). */
export function hasToken(token: string, authorization: string | null, cookie: string | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (bearer && sameSecret(bearer[1], token)) return true;
  return cookie !== undefined && sameSecret(cookie, sessionValue(token));
}
