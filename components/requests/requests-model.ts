/**
 * The requests table as pure data: filter by host, domain or volume; sort by
 * any column, stuck requests always first; empty values last either way.
 */
import type { RequestJson, RequestResultJson } from '@/lib/api/history-types';

export type RequestColumn =
  | 'host' | 'slot' | 'domain' | 'volume' | 'size'
  | 'requested' | 'replied' | 'hostAcked' | 'spmAcked' | 'freed'
  | 'replyMs' | 'hostAckMs' | 'spmAckMs' | 'freeMs' | 'totalMs' | 'result';

export interface RequestSort {
  column: RequestColumn;
  descending: boolean;
}

/** Newest request first: what the server sends, and what a person expects of a log. */
export const DEFAULT_SORT: RequestSort = { column: 'requested', descending: true };

const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));

const RESULT_ORDER: Record<RequestResultJson, number> = { failed: 0, mismatched: 1, abandoned: 2, unknown: 3, size_zero: 4, ok: 5 };

/** The value a column sorts by; null sorts last. */
export function sortValue(r: RequestJson, column: RequestColumn): number | string | null {
  switch (column) {
    case 'host': return r.host;
    case 'slot': return r.slot;
    case 'domain': return r.domain;
    case 'volume': return r.volume;
    case 'size': return r.sizeMiB;
    case 'requested': return time(r.requestedAt);
    case 'replied': return time(r.repliedAt);
    case 'hostAcked': return time(r.hostAckedAt);
    case 'spmAcked': return time(r.spmAckedAt);
    case 'freed': return time(r.freedAt);
    case 'result': return r.result === null ? null : RESULT_ORDER[r.result];
    default: return r.latency[column];
  }
}

function compare(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}

/** Each request's keys are worked out once (times parsed once), not on every comparison. */
export function sortRequests(list: readonly RequestJson[], sort: RequestSort, isStuck: (r: RequestJson) => boolean): RequestJson[] {
  const keyed = list.map((r) => ({ r, stuck: isStuck(r), value: sortValue(r, sort.column), requested: time(r.requestedAt) }));
  keyed.sort((a, b) => {
    if (a.stuck !== b.stuck) return a.stuck ? -1 : 1;
    return compare(a.value, b.value, sort.descending) || compare(a.requested, b.requested, true) || a.r.msgId - b.r.msgId;
  });
  return keyed.map((k) => k.r);
}

interface Term {
  field: 'host' | 'domain' | 'volume' | 'any';
  text: string;
}

/** "7", "host:7", "domain:8adb", "volume:d772", or a bare piece of a UUID. */
export function parseFilter(query: string): Term[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean).map((token) => {
    const m = /^(host|domain|volume):(.*)$/.exec(token);
    if (m) return { field: m[1] as Term['field'], text: m[2] };
    return /^\d{1,5}$/.test(token) ? { field: 'host', text: token } : { field: 'any', text: token };
  });
}

function matches(r: RequestJson, term: Term): boolean {
  switch (term.field) {
    case 'host': return String(r.host) === term.text;
    case 'domain': return r.domain.toLowerCase().includes(term.text);
    case 'volume': return r.volume.toLowerCase().includes(term.text);
    default: return r.domain.toLowerCase().includes(term.text) || r.volume.toLowerCase().includes(term.text);
  }
}

/** Every term must match; several host terms mean any of those hosts. */
export function filterRequests(list: readonly RequestJson[], query: string): RequestJson[] {
  const terms = parseFilter(query);
  if (terms.length === 0) return [...list];
  const hosts = terms.filter((t) => t.field === 'host');
  const rest = terms.filter((t) => t.field !== 'host');
  return list.filter((r) => (hosts.length === 0 || hosts.some((t) => matches(r, t))) && rest.every((t) => matches(r, t)));
}
