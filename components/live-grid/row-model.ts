/**
 * One host's row of the grid, built from its snapshot entry. A host whose
 * data did not change keeps its row object (structural sharing), so its
 * memoized row does not re-render; cells that changed get a new change
 * count, which the row turns into a brief flash. A row's cells, its flash
 * and its badges are built the first time they are read: a busy 2000-host
 * pool changes hundreds of rows a poll, and only the few on screen are drawn.
 */
import { stepCounts, type StepCounts } from '@/lib/api/cells';
import type { HostSnapshot } from '@/lib/api/types';
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
  /** the slot on each side (step + both slots' content is what "changed" means) */
  inbox?: DecodedSlot;
  outbox?: DecodedSlot;
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
  /**
   * When many of its cells changed at once (a whole mailbox rewritten), the row flashes as one instead of
   * each cell: a busy pool would otherwise animate hundreds of cells on screen every read. Its parity
   * restarts the flash; `at` is the browser time of that change (0: none).
   */
  flash: { changes: number; at: number };
}

/** More cells than this changing in one update flash their row instead. */
export const ROW_FLASH_CELLS = 8;

const NO_FLASH = { changes: 0, at: 0 };

/** Fields read as the grid reads them: absent, null and empty are the same. */
const same = (a: string | number | null | undefined, b: string | number | null | undefined) => (a ?? '') === (b ?? '');

/**
 * Whether a slot holds the same, for "did it change": its bytes when the
 * snapshot has them, else (the grid view of the snapshot, `?view=grid` or
 * `cells`) what the grid sends of it, field by field (no string is built:
 * a busy 2000-host pool compares ~100,000 slots an update). A new request
 * of the same size in the same slot between two reads changes the
 * mailbox's crc (the row is rebuilt) but flashes no cell.
 */
function sameSlot(a: DecodedSlot | undefined, b: DecodedSlot | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.hex !== undefined || b.hex !== undefined) return a.hex === b.hex;
  return a.kind === b.kind && same(a.domain, b.domain) && same(a.volume, b.volume) && same(a.sizeMiB, b.sizeMiB) && same(a.reason, b.reason);
}

const NO_SLOTS: readonly DecodedSlot[] = [];
const NO_CELLS: readonly CellModel[] = [];

/** One walk over the lifecycle, both slot lists and the previous cells, all in slot order: no maps, no strings for new rows. */
function buildCells(host: HostSnapshot, previous: RowModel | undefined, now: number): CellModel[] {
  const ins = host.inbox?.slots ?? NO_SLOTS;
  const outs = host.outbox?.slots ?? NO_SLOTS;
  const old = previous?.cells ?? NO_CELLS;
  let i = 0;
  let o = 0;
  let p = 0;
  return host.lifecycle.map(({ slot, step }) => {
    while (i < ins.length && ins[i].index < slot) i++;
    while (o < outs.length && outs[o].index < slot) o++;
    while (p < old.length && old[p].slot < slot) p++;
    const inbox = ins[i]?.index === slot ? ins[i] : undefined;
    const outbox = outs[o]?.index === slot ? outs[o] : undefined;
    const before = old[p]?.slot === slot ? old[p] : undefined;
    if (before && before.step === step && sameSlot(before.inbox, inbox) && sameSlot(before.outbox, outbox)) return before;
    // A cell seen for the first time on a page that was already watching is a change too.
    const changed = previous !== undefined;
    return { slot, step, inbox, outbox, changes: (before?.changes ?? 0) + (changed ? 1 : 0), changedAt: changed ? now : 0 };
  });
}

export function isFailing(state: RowState): boolean {
  return state === 'checksum_missing' || state === 'checksum_mismatch';
}

function sameSlots(a: readonly DecodedSlot[] | undefined, b: readonly DecodedSlot[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].index !== b[i].index || !sameSlot(a[i], b[i])) return false;
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

interface Drawn {
  cells: readonly CellModel[];
  flash: { changes: number; at: number };
}

/**
 * A row whose cells, flash and badges are built when first read. Until then it keeps the row it
 * replaced, to tell which cells changed; that row, if it was never drawn either, lets go of the one
 * before it, so a host that changes every poll off screen holds two rows at most, not its history.
 * (Badges made for every changed host were three objects a host that lived on in the model: work for
 * each young-generation collection of a busy pool's page.)
 */
class Row implements RowModel {
  private drawn: Drawn | null = null;
  private madeBadges: readonly Badge[] | null = null;

  constructor(
    readonly id: number,
    readonly host: HostSnapshot,
    readonly findings: readonly Finding[],
    readonly state: RowState,
    private readonly maxHostId: number,
    readonly hasMail: boolean,
    readonly problem: boolean,
    private replaced: RowModel | undefined,
    private readonly now: number,
  ) {
    if (replaced instanceof Row) replaced.forgetReplaced();
  }

  get badges(): readonly Badge[] {
    return (this.madeBadges ??= mailboxBadges(this.host, this.maxHostId));
  }

  get cells(): readonly CellModel[] {
    return this.draw().cells;
  }

  /** The host of the row it replaced, kept until this one is drawn. */
  get replacedHost(): HostSnapshot | undefined {
    return this.replaced?.host;
  }

  get flash(): { changes: number; at: number } {
    return this.draw().flash;
  }

  private forgetReplaced(): void {
    if (!this.drawn) this.replaced = undefined;
  }

  private draw(): Drawn {
    if (this.drawn) return this.drawn;
    const [previous, now] = [this.replaced, this.now];
    this.replaced = undefined;
    const cells = buildCells(this.host, previous, now);
    let changedNow = 0;
    for (const cell of cells) if (cell.changedAt === now && now !== 0) changedNow++;
    const flash = changedNow > ROW_FLASH_CELLS ? { changes: (previous?.flash.changes ?? 0) + 1, at: now } : previous?.flash ?? NO_FLASH;
    this.drawn = { cells, flash };
    return this.drawn;
  }
}

function hasProblemStep(steps: StepCounts): boolean {
  for (const step in steps.byStep) if (STEP_LOOKS[step as LifecycleStep].problem) return true;
  return false;
}

/** The hosts rows hold: each row's own, and the one of the row it replaced while it is not drawn. */
export function* heldHosts(rows: readonly RowModel[]): Generator<HostSnapshot> {
  for (const row of rows) {
    yield row.host;
    const before = row instanceof Row ? row.replacedHost : undefined;
    if (before) yield before;
  }
}

/** `previous`: this host's row in the model shown before, if any. */
export function buildRow(host: HostSnapshot, findings: readonly Finding[], previous: RowModel | undefined, maxHostId: number, now: number): RowModel {
  if (previous && sameHost(previous.host, host) && deepEqual(previous.findings, findings)) return previous;
  // What the counts, the filters and the fold need comes from the step counts (packed, for a host of
  // `view=cells`), not from the cells or even the lifecycle: a row's are unpacked only when it is drawn.
  const steps = stepCounts(host);
  const state: RowState = host.inbox?.state ?? 'unread';
  const hasMail = steps.total > (steps.byStep.free ?? 0);
  const problem = findings.length > 0 || isFailing(state) || (host.outsideWindow && steps.total > 0) || hasProblemStep(steps);
  return new Row(host.id, host, findings, state, maxHostId, hasMail, problem, previous, now);
}

/** The worst severity among a row's findings and steps, for its edge marker. */
export function rowSeverity(row: RowModel): 'error' | 'warning' | 'info' | null {
  if (isFailing(row.state) && row.host.inbox?.spmReads) return 'error';
  const steps = stepCounts(row.host);
  if (hasProblemStep(steps)) return 'error';
  if (row.host.outsideWindow && steps.total > 0) return 'warning';
  return worstSeverity(row.findings);
}
