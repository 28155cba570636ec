/**
 * The header's counts over the grid's rows, kept up to date by adding and
 * removing one row's share at a time: an update that changes a few hosts
 * costs a few hosts, not the whole pool.
 */
import type { LifecycleStep } from '@/lib/mailbox';
import { stepCounts } from '@/lib/api/cells';
import { STEP_LOOKS } from '@/components/vocabulary/steps';
import { isFailing, type RowModel } from './row-model';

export interface GridCounts {
  hostsWithMail: number;
  waiting: number;
  /** requests in mailboxes failing their checksum: the SPM drops that mail, so no request is followed for them */
  waitingInFailing: number;
  failingNow: number;
  /** mailboxes that started failing their checksum while the page watched (episodes) */
  failingSeen: number;
  /** cells per problem step: failed extends, mismatched replies, unknown slots */
  problemSteps: Partial<Record<LifecycleStep, number>>;
}

export const NO_COUNTS: GridCounts = { hostsWithMail: 0, waiting: 0, waitingInFailing: 0, failingNow: 0, failingSeen: 0, problemSteps: {} };

/** Adds (`sign` 1) or takes away (-1) one row's share; `failingSeen` is the caller's (it needs the previous model). */
function tally(counts: GridCounts, row: RowModel, sign: 1 | -1): void {
  if (row.hasMail) counts.hostsWithMail += sign;
  if (isFailing(row.state)) counts.failingNow += sign;
  // the step counts, not the cells or the lifecycle: a row's are unpacked only when it is drawn
  const { byStep } = stepCounts(row.host);
  for (const key in byStep) {
    const step = key as LifecycleStep;
    const count = byStep[step]!;
    if (step === 'requested') {
      counts.waiting += sign * count;
      if (isFailing(row.state)) counts.waitingInFailing += sign * count;
    }
    else if (STEP_LOOKS[step].problem) {
      const n = (counts.problemSteps[step] ?? 0) + sign * count;
      if (n === 0) delete counts.problemSteps[step];
      else counts.problemSteps[step] = n;
    }
  }
}

/** The counts after `removed` rows left and `added` rows came; `started`: mailboxes that began failing. */
export function updateCounts(previous: GridCounts, removed: Iterable<RowModel>, added: Iterable<RowModel>, started: number): GridCounts {
  const counts: GridCounts = { ...previous, problemSteps: { ...previous.problemSteps }, failingSeen: previous.failingSeen + started };
  for (const row of removed) tally(counts, row, -1);
  for (const row of added) tally(counts, row, 1);
  return counts;
}
