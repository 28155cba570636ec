/**
 * The requests as they stood at the read on screen: the ones already seen
 * by then, which of them were stuck, and the counts the header shows. The
 * header and the requests table both take their numbers from here, so they
 * cannot disagree.
 */
import type { RequestJson } from '@/lib/api/history-types';
import { stuckAt } from './stuck';

export interface RequestsScope {
  /** the read on screen; null: the latest, as the server judged it */
  seq: number | null;
  /** its time (epoch ms); null: the latest */
  at: number | null;
  stuckMs: number;
  /** no byte of the source changed since the inspector's first read (a dump): nothing is answering, so nothing is "stuck" */
  static: boolean;
}

export interface RequestsAt {
  list: RequestJson[];
  isStuck: (r: RequestJson) => boolean;
  counts: { waiting: number; stuck: number; failed: number; total: number };
}

const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const by = (iso: string | null, at: number | null) => iso !== null && (at === null || time(iso)! <= at);

/** Waiting for its reply at `at`: requested by then, and no reply, freeing or replacement by then. */
export function waitingAt(r: RequestJson, at: number | null): boolean {
  return by(r.requestedAt, at) && !by(r.repliedAt, at) && !by(r.freedAt, at) && !by(r.replacedAt, at);
}

export function requestsAt(all: readonly RequestJson[], scope: RequestsScope): RequestsAt {
  const list = scope.seq === null ? [...all] : all.filter((r) => r.requestedSeq <= scope.seq!);
  const isStuck = (r: RequestJson) => {
    if (scope.static) return false;
    return scope.at === null ? r.stuck : stuckAt(r, scope.at, scope.stuckMs);
  };
  let waiting = 0;
  let stuck = 0;
  let failed = 0;
  for (const r of list) {
    if (waitingAt(r, scope.at)) waiting++;
    if (isStuck(r)) stuck++;
    if (r.result === 'failed' && by(r.repliedAt, scope.at)) failed++;
  }
  return { list, isStuck, counts: { waiting, stuck, failed, total: list.length } };
}
