/**
 * Stuck requests at any read: waiting for a reply for at least the stuck
 * time, measured at that read. At the latest read it agrees with the
 * server's `stuck`; in the past it says what the server would have said then.
 */
import type { RequestJson } from '@/lib/api/history-types';

const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** `at`: epoch ms of the read. */
export function stuckAt(r: RequestJson, at: number, stuckMs: number): boolean {
  const requested = Date.parse(r.requestedAt);
  if (requested > at) return false;
  const ended = [r.repliedAt, r.freedAt, r.replacedAt].some((t) => t !== null && time(t)! <= at);
  return !ended && at - requested >= stuckMs;
}

/**
 * Per host, the stuck slots as a sorted comma list ("3,7"): a string, so a
 * memoized row re-renders only when its own list changes.
 */
export function stuckSlotsByHost(requests: readonly RequestJson[], isStuck: (r: RequestJson) => boolean): Map<number, string> {
  const slots = new Map<number, number[]>();
  for (const r of requests) {
    if (!isStuck(r)) continue;
    const list = slots.get(r.host) ?? [];
    if (!list.includes(r.slot)) list.push(r.slot);
    slots.set(r.host, list);
  }
  return new Map([...slots].map(([host, list]) => [host, list.sort((a, b) => a - b).join(',')]));
}

export function slotsOf(list: string | undefined): ReadonlySet<number> {
  return new Set(list ? list.split(',').map(Number) : []);
}
