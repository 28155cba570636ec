/**
 * The grid's view of a snapshot. Built once per new snapshot, outside React,
 * with structural sharing: a host whose data did not change keeps its row
 * object, so its memoized row does not re-render. Cells that changed get a
 * new change count, which the row turns into a brief flash.
 */
import type { HostSnapshot, Snapshot } from '@/lib/api/types';
import type { DecodedSlot, Finding, InboxState, LifecycleStep } from '@/lib/mailbox';
import { worstSeverity } from '@/lib/mailbox';
import { mailboxBadges, type Badge } from '@/components/vocabulary/mailbox-status';
import { STEP_LOOKS } from '@/components/vocabulary/steps';
import { deepEqual } from './deep-equal';

export interface CellModel {
  slot: number;
  step: LifecycleStep;
  /** how often this cell changed while the page watched it; its parity restarts the flash */
  changes: number;
  /** browser time of the last change, 0 if none was seen */
  changedAt: number;
  /** step + both slots' bytes: what "changed" means */
  signature: string;
}

export type RowState = InboxState | 'unread';

export interface RowModel {
  id: number;
  host: HostSnapshot;
  findings: readonly Finding[];
  cells: readonly CellModel[];
  state: RowState;
  badges: readonly Badge[];
  /** some slot is in a request's life (free slots do not count) */
  hasMail: boolean;
  /** findings, a failing checksum, a problem step, or mail outside the read window */
  problem: boolean;
}

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

export interface GridModel {
  snapshot: Snapshot;
  rows: readonly RowModel[];
  counts: GridCounts;
  failing: ReadonlySet<number>;
  /** browser time of the first snapshot seen: "since the page opened" */
  watchingSince: number;
  /** browser time when the server last confirmed this content (a 200 or a 304) */
  confirmedAt: number;
  /** the server's latest read, which a 304 may report without a new snapshot */
  lastRead: { seq: number; readAt: string };
  /** browser time when `lastRead.seq` last advanced: a server whose reads hang stops advancing it */
  readSeenAt: number;
}

function bySlot(slots: readonly DecodedSlot[] | undefined): Map<number, DecodedSlot> {
  return new Map((slots ?? []).map((s) => [s.index, s]));
}

/**
 * What a slot holds, for "did it change": its bytes when the snapshot has
 * them, else (the grid view of the snapshot, `?view=grid`) its decoded fields.
 */
function slotSignature(slot: DecodedSlot | undefined): string {
  if (!slot) return '';
  return slot.hex ?? `${slot.kind}/${slot.domain ?? ''}/${slot.volume ?? ''}/${slot.sizeMiB ?? ''}/${slot.reason ?? ''}`;
}

function buildCells(host: HostSnapshot, previous: RowModel | undefined, now: number): CellModel[] {
  const inbox = bySlot(host.inbox?.slots);
  const outbox = bySlot(host.outbox?.slots);
  const before = new Map(previous?.cells.map((c) => [c.slot, c]));
  return host.lifecycle.map(({ slot, step }) => {
    const signature = `${step}:${slotSignature(inbox.get(slot))}:${slotSignature(outbox.get(slot))}`;
    const old = before.get(slot);
    if (old && old.signature === signature) return old;
    // A cell seen for the first time on a page that was already watching is a change too.
    const changed = previous !== undefined;
    return { slot, step, signature, changes: (old?.changes ?? 0) + (changed ? 1 : 0), changedAt: changed ? now : 0 };
  });
}

function isFailing(state: RowState): boolean {
  return state === 'checksum_missing' || state === 'checksum_mismatch';
}

function sameSlots(a: readonly DecodedSlot[] | undefined, b: readonly DecodedSlot[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].index !== b[i].index || slotSignature(a[i]) !== slotSignature(b[i])) return false;
  return true;
}

/** Same mailbox: by its crc-32 when both carry one (the server sends it), else slot by slot. */
function sameMailbox(a: { crc?: number; slots: readonly DecodedSlot[] }, b: { crc?: number; slots: readonly DecodedSlot[] }): boolean {
  return a.crc !== undefined && b.crc !== undefined ? a.crc === b.crc : sameSlots(a.slots, b.slots);
}

/**
 * Whether a host's data is unchanged. Everything else in a host entry (kinds,
 * UUIDs, sizes, slot findings, lifecycle) is decoded from the mailbox bytes,
 * so comparing their crc (or the slots), the checksum and the flags is
 * enough, and much cheaper than a deep comparison on a busy pool.
 */
export function sameHost(a: HostSnapshot, b: HostSnapshot): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.outsideWindow !== b.outsideWindow) return false;
  const [ai, bi] = [a.inbox, b.inbox];
  if (!ai || !bi) {
    if (ai !== bi) return false;
  } else if (ai.state !== bi.state || ai.spmReads !== bi.spmReads || ai.checksum?.stored !== bi.checksum?.stored
    || ai.checksum?.computed !== bi.checksum?.computed || !sameMailbox(ai, bi)) {
    return false;
  }
  if (!a.outbox || !b.outbox) return a.outbox === b.outbox;
  return a.outbox.state === b.outbox.state && sameMailbox(a.outbox, b.outbox);
}

function buildRow(host: HostSnapshot, findings: readonly Finding[], previous: RowModel | undefined, maxHostId: number, now: number): RowModel {
  if (previous && sameHost(previous.host, host) && deepEqual(previous.findings, findings)) return previous;
  const cells = buildCells(host, previous, now);
  const state: RowState = host.inbox?.state ?? 'unread';
  const hasMail = cells.some((c) => c.step !== 'free');
  const problem = findings.length > 0 || isFailing(state) || (host.outsideWindow && cells.length > 0)
    || cells.some((c) => STEP_LOOKS[c.step].problem);
  return { id: host.id, host, findings, cells, state, badges: mailboxBadges(host, maxHostId), hasMail, problem };
}

function findingsByHost(findings: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.host === undefined) continue;
    const list = out.get(f.host);
    if (list) list.push(f);
    else out.set(f.host, [f]);
  }
  return out;
}

const NO_FINDINGS: readonly Finding[] = [];

/** `previous` is the model of the same source, or null for the first snapshot. */
export function buildGridModel(previous: GridModel | null, snapshot: Snapshot, now: number): GridModel {
  const oldRows = new Map(previous?.rows.map((r) => [r.id, r]));
  const found = findingsByHost(snapshot.findings);
  const rows = snapshot.hosts.map((h) => buildRow(h, found.get(h.id) ?? NO_FINDINGS, oldRows.get(h.id), snapshot.maxHostId, now));
  const sameRows = previous !== null && previous.rows.length === rows.length && rows.every((r, i) => r === previous.rows[i]);

  const failing = new Set(rows.filter((r) => isFailing(r.state)).map((r) => r.id));
  let started = 0;
  for (const id of failing) if (!previous?.failing.has(id)) started++;
  const problemSteps: Partial<Record<LifecycleStep, number>> = {};
  for (const row of rows) {
    for (const c of row.cells) if (STEP_LOOKS[c.step].problem) problemSteps[c.step] = (problemSteps[c.step] ?? 0) + 1;
  }
  const counts: GridCounts = {
    hostsWithMail: rows.filter((r) => r.hasMail).length,
    waiting: rows.reduce((n, r) => n + r.cells.filter((c) => c.step === 'requested').length, 0),
    waitingInFailing: rows.reduce((n, r) => n + (isFailing(r.state) ? r.cells.filter((c) => c.step === 'requested').length : 0), 0),
    failingNow: failing.size,
    failingSeen: (previous?.counts.failingSeen ?? 0) + started,
    problemSteps,
  };
  return {
    snapshot,
    rows: sameRows ? previous.rows : rows,
    counts,
    failing,
    watchingSince: previous?.watchingSince ?? now,
    confirmedAt: now,
    lastRead: { seq: snapshot.seq, readAt: snapshot.readAt },
    readSeenAt: previous && previous.lastRead.seq === snapshot.seq ? previous.readSeenAt : now,
  };
}

/** The worst severity among a row's findings and steps, for its edge marker. */
export function rowSeverity(row: RowModel): 'error' | 'warning' | 'info' | null {
  if (isFailing(row.state) && row.host.inbox?.spmReads) return 'error';
  if (row.cells.some((c) => STEP_LOOKS[c.step].problem)) return 'error';
  if (row.host.outsideWindow && row.cells.length > 0) return 'warning';
  return worstSeverity(row.findings);
}
