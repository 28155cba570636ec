/** Query parameters of the history endpoints. Bad values come back as a 400 response naming the parameter. */
import { jsonError } from './respond';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

const bad = (name: string, expected: string, raw: string): Parsed<never> => ({
  ok: false, response: jsonError(400, `bad_${name}`, `expected ${name} to be ${expected}, got ${JSON.stringify(raw)}`),
});

/** A read seq (whole number ≥ 0), or null when absent. */
export function seqParam(query: URLSearchParams, name: string): Parsed<number | null> {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: null };
  return /^\d{1,15}$/.test(raw) ? { ok: true, value: Number(raw) } : bad(name, 'a read seq (a whole number)', raw);
}

export function intParam(query: URLSearchParams, name: string, min: number, max: number): Parsed<number | null> {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: null };
  const value = Number(raw);
  return /^\d+$/.test(raw) && value >= min && value <= max ? { ok: true, value } : bad(name, `a whole number from ${min} to ${max}`, raw);
}

export function oneOf<T extends string>(query: URLSearchParams, name: string, values: readonly T[], fallback: T | null): Parsed<T | null> {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: fallback };
  return (values as readonly string[]).includes(raw) ? { ok: true, value: raw as T } : bad(name, values.join(' or '), raw);
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `since` for people and programs: a read seq (`1234`), a time (`2026-11-24T20:47:00Z`),
 * or how long ago (`90s`, `15m`, `1h`, measured from `now`).
 */
export function sinceParam(query: URLSearchParams, now: number): Parsed<{ seq: number | null; ms: number | null }> {
  const raw = query.get('since');
  if (raw === null || raw === '') return { ok: true, value: { seq: null, ms: null } };
  if (/^\d{1,15}$/.test(raw)) return { ok: true, value: { seq: Number(raw), ms: null } };
  const ago = /^(\d+(?:\.\d+)?)([smh])$/.exec(raw);
  if (ago) return { ok: true, value: { seq: null, ms: now - Number(ago[1]) * UNIT_MS[ago[2]] } };
  const at = /^\d{4}-\d\d-\d\dT/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isNaN(at)) return { ok: true, value: { seq: null, ms: at } };
  return bad('since', 'a read seq (1234), a time (2026-11-24T20:47:00Z) or a duration ago (90s, 15m, 1h)', raw);
}

/** `since`, `host` and `limit` of the list endpoints (episodes, requests). */
export function listParams(query: URLSearchParams, maxHostId: number): Parsed<{ since: number | null; host: number | null; limit: number | null }> {
  const since = seqParam(query, 'since');
  if (!since.ok) return since;
  const host = intParam(query, 'host', 1, maxHostId);
  if (!host.ok) return host;
  const limit = intParam(query, 'limit', 1, 100_000);
  if (!limit.ok) return limit;
  return { ok: true, value: { since: since.value, host: host.value, limit: limit.value } };
}
