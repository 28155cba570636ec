/**
 * `?view=cells`: the grid's hosts in as few bytes as a cell needs, for the
 * page (a 2000-host pool's grid is ~4 times smaller than `?view=grid`, so it
 * downloads, parses and updates that much faster). Each host keeps its id,
 * states, checksum and crcs as in the grid view; its slots become the JSON
 * text of one flat array (a string inside the answer: parsing a string is
 * several times cheaper than parsing its numbers, and the page reads the
 * slots of the few rows on screen) and its lifecycle one character per
 * slot. The page expands a host back into the grid view's shape
 * (hostFromCells), so everything after the fetch reads one shape. Isomorphic.
 */
import { assertNever, MESSAGE_SLOTS_PER_MAILBOX, type DecodedSlot, type LifecycleStep, type SlotKind, type SlotLifecycle } from '@/lib/mailbox';
import type { CellsHost, CellsSlots, HostSnapshot } from './types';

/** Whether a URL asks for `?view=cells`. */
export function asksForCells(url: string): boolean {
  return /[?&]view=cells(&|$)/.test(url);
}

/** One character per lifecycle step; NO_STEP where a slot has none (empty on both sides). */
const STEP_CODES: Readonly<Record<LifecycleStep, string>> = {
  requested: 'R', replied: 'P', failed: 'F', host_acked: 'H', spm_acked: 'S', free: 'f', mismatched_reply: 'M', unknown: 'U',
};
const NO_STEP = '-';
const STEPS_BY_CODE = new Map(Object.entries(STEP_CODES).map(([step, code]) => [code, step as LifecycleStep]));

/** The code of each slot kind in a packed mailbox's slots. */
const KIND_CODES: Readonly<Record<SlotKind, number>> = { clean: 0, extend: 1, unknown: 2, empty: 3 };
/** Slot kinds by code (the codes run from 0 with no gap). */
const KINDS_BY_CODE: readonly SlotKind[] = Object.entries(KIND_CODES).sort(([, a], [, b]) => a - b).map(([kind]) => kind as SlotKind);

/** Three values a slot: its index, its kind's code, and the size of a message that carries one, or why an unknown slot is unknown. */
const PACKED_STRIDE = 3;

/**
 * A mailbox's slots as one flat array of triples, `index, kind code, value`: one array a mailbox, not one
 * a slot, so a page parsing hundreds of changed hosts a poll makes a few objects per host, not hundreds.
 */
function packSlots(slots: readonly DecodedSlot[]): CellsSlots {
  const out: CellsSlots = new Array(slots.length * PACKED_STRIDE);
  let at = 0;
  for (const slot of slots) {
    const kind: SlotKind = slot.kind;
    let value: number | string | null;
    switch (kind) {
      case 'extend': value = slot.sizeMiB ?? null; break;
      case 'unknown': value = slot.reason ?? null; break;
      case 'clean':
      case 'empty': value = null; break;
      default: return assertNever(kind, 'slot kind');
    }
    out[at++] = slot.index;
    out[at++] = KIND_CODES[kind];
    out[at++] = value;
  }
  return out;
}

function unpackSlots(packed: CellsSlots): DecodedSlot[] {
  const out: DecodedSlot[] = [];
  for (let at = 0; at + PACKED_STRIDE <= packed.length; at += PACKED_STRIDE) {
    const kind = KINDS_BY_CODE[packed[at + 1] as number];
    const value = packed[at + 2];
    // The grid view's slot (no hex, no findings, no UUIDs): typed as the decoded slot the grid reads.
    const slot = { index: packed[at] as number, kind } as DecodedSlot;
    switch (kind) {
      case 'extend':
        slot.sizeMiB = value as number | null;
        break;
      case 'unknown':
        if (value !== null && value !== undefined) slot.reason = value as string;
        break;
      case 'clean':
      case 'empty':
        break;
      default:
        assertNever(kind, 'slot kind');
    }
    out.push(slot);
  }
  return out;
}

function packSteps(lifecycle: readonly SlotLifecycle[]): string {
  const codes = new Array<string>(MESSAGE_SLOTS_PER_MAILBOX).fill(NO_STEP);
  for (const { slot, step } of lifecycle) codes[slot] = STEP_CODES[step];
  return codes.join('').replace(/-+$/, '');
}

function unpackSteps(steps: string): SlotLifecycle[] {
  const out: SlotLifecycle[] = [];
  for (let slot = 0; slot < steps.length; slot++) {
    const step = STEPS_BY_CODE.get(steps[slot]);
    if (step) out.push({ slot, step });
  }
  return out;
}

/** A host of the grid view, as `?view=cells` sends it. */
export function cellsHost(h: HostSnapshot): CellsHost {
  return {
    id: h.id,
    outsideWindow: h.outsideWindow,
    inbox: h.inbox && {
      state: h.inbox.state, checksum: h.inbox.checksum, spmReads: h.inbox.spmReads,
      ...(h.inbox.crc !== undefined ? { crc: h.inbox.crc } : {}), slots: JSON.stringify(packSlots(h.inbox.slots)),
    },
    outbox: h.outbox && { state: h.outbox.state, ...(h.outbox.crc !== undefined ? { crc: h.outbox.crc } : {}), slots: JSON.stringify(packSlots(h.outbox.slots)) },
    steps: packSteps(h.lifecycle),
  };
}

/** Whether a mailbox from hostFromCells holds no slot, known without unpacking them. */
const PACKED_EMPTY = Symbol('no packed slots');

/** The packed slots of `?view=cells`, from their JSON text; a text that is not one gives no slots rather than a broken page. */
function parsePacked(text: string): CellsSlots {
  try {
    const packed: unknown = JSON.parse(text);
    return Array.isArray(packed) ? (packed as CellsSlots) : [];
  } catch {
    return [];
  }
}

type CellsInbox = NonNullable<CellsHost['inbox']>;
type CellsOutbox = NonNullable<CellsHost['outbox']>;

/** The slots texts of an answer's mailboxes, one after the other (gatherSlots). An object, so that mailboxes share it by identity. */
export interface SlotTexts {
  text: string;
}

/** A mailbox whose slots text was gathered: where it lies in its answer's SlotTexts. */
type Gathered<M> = Omit<M, 'slots'> & { slotsFrom: number; slotsTo: number };

/** A host of `?view=cells` whose mailboxes' slots texts were gathered into its answer's `slotsText`. */
export interface GatheredCellsHost extends Omit<CellsHost, 'inbox' | 'outbox'> {
  inbox: Gathered<CellsInbox> | null;
  outbox: Gathered<CellsOutbox> | null;
}

/** A `?view=cells` answer whose mailboxes' slots texts are gathered into one string. */
export type GatheredCells<A extends { hosts: unknown[] }> = Omit<A, 'hosts'> & { hosts: Array<CellsHost | GatheredCellsHost>; slotsText: string };

/**
 * Moves the slots texts of a `?view=cells` answer into one string, `slotsText`: each mailbox keeps where its
 * text lies (`slotsFrom`, `slotsTo`). The page's answer worker does this before it hands an answer over.
 * A busy 2000-host pool's update carries hundreds of these texts; as strings of their own they lived on in
 * the page's model, and each of its young-generation collections copied them (those collections were its
 * longest tasks). One string that long is made in V8's large-object space, which those collections do not
 * copy. Changes the parsed answer in place; a mailbox whose slots are not a string is left as it came.
 */
export function gatherSlots<A extends { hosts: unknown[] }>(answer: A): GatheredCells<A> {
  const texts: string[] = [];
  let at = 0;
  const gather = (mailbox: unknown) => {
    if (typeof mailbox !== 'object' || mailbox === null) return;
    const m = mailbox as { slots?: unknown; slotsFrom?: number; slotsTo?: number };
    if (typeof m.slots !== 'string') return;
    texts.push(m.slots);
    m.slotsFrom = at;
    at += m.slots.length;
    m.slotsTo = at;
    delete m.slots;
  };
  for (const host of answer.hosts) {
    if (typeof host !== 'object' || host === null) continue;
    gather((host as CellsHost).inbox);
    gather((host as CellsHost).outbox);
  }
  return Object.assign(answer as unknown as GatheredCells<A>, { slotsText: texts.join('') });
}

/** Gathered texts holding more than this many characters beyond what mailboxes still read are gathered again. */
const SLACK_CHARS = 1 << 16;

/**
 * A mailbox of `?view=cells` in the grid view's shape, its slots parsed and unpacked the first time they
 * are read: a busy 2000-host pool changes hundreds of hosts a poll, and the page draws the slots of the few
 * on screen. A class, its getters on the prototype: making a closure and defining a property per mailbox
 * was a quarter of what the page allocated on such a pool. Its text is its own string, or a part of its
 * answer's gathered texts.
 */
class PackedSlots {
  #texts: string | SlotTexts;
  #from: number;
  #to: number;
  #slots: DecodedSlot[] | undefined;

  constructor(m: { slots: string } | { slotsFrom: number; slotsTo: number }, texts: SlotTexts | undefined) {
    if ('slots' in m || texts === undefined) {
      const own = 'slots' in m && typeof m.slots === 'string' ? m.slots : '';
      this.#texts = own;
      this.#from = 0;
      this.#to = own.length;
    } else {
      this.#texts = texts;
      this.#from = m.slotsFrom;
      this.#to = m.slotsTo;
    }
  }

  get slots(): DecodedSlot[] {
    if (this.#slots === undefined) {
      this.#slots = unpackSlots(parsePacked(this.#text()));
      this.#texts = ''; // read once: the answer's texts need not be kept for it
    }
    return this.#slots;
  }

  get [PACKED_EMPTY](): boolean {
    return this.#to - this.#from <= '[]'.length;
  }

  #text(): string {
    return typeof this.#texts === 'string' ? this.#texts : this.#texts.text.slice(this.#from, this.#to);
  }

  /** As the grid view's mailbox: its fields and its slots. */
  toJSON(): object {
    return { ...this, slots: this.slots };
  }

  /**
   * Gathers the texts `mailboxes` read into one SlotTexts when the ones they share hold over twice what they
   * read: a mailbox's part keeps its whole answer's texts alive, so the hosts a pool left unchanged since
   * would otherwise hold on to the texts of every update they came in. Returns the chars they read.
   */
  static compact(mailboxes: Iterable<PackedSlots>): number {
    const { parts, read, held } = PackedSlots.held(mailboxes);
    if (held <= 2 * read + SLACK_CHARS) return read;
    const texts: SlotTexts = { text: parts.map((m) => m.#text()).join('') };
    let at = 0;
    for (const m of parts) {
      const length = m.#to - m.#from;
      m.#texts = texts;
      m.#from = at;
      m.#to = at += length;
    }
    return read;
  }

  /** The parts of gathered texts that `mailboxes` still read (chars, `read`), and the texts they keep alive for it (`held`). */
  static held(mailboxes: Iterable<PackedSlots>): { parts: PackedSlots[]; read: number; held: number } {
    const shared = new Set<SlotTexts>();
    const parts: PackedSlots[] = [];
    let read = 0;
    for (const m of mailboxes) {
      if (typeof m.#texts === 'string') continue; // its own text (or none left to read: unpacked)
      shared.add(m.#texts);
      parts.push(m);
      read += m.#to - m.#from;
    }
    let held = 0;
    for (const t of shared) held += t.text.length;
    return { parts, read, held };
  }
}

class PackedInbox extends PackedSlots {
  readonly state: CellsInbox['state'];
  readonly checksum: CellsInbox['checksum'];
  readonly spmReads: boolean;
  declare readonly crc?: number;

  constructor(m: CellsInbox | Gathered<CellsInbox>, texts: SlotTexts | undefined) {
    super(m, texts);
    this.state = m.state;
    this.checksum = m.checksum;
    this.spmReads = m.spmReads;
    if (m.crc !== undefined) (this as { crc?: number }).crc = m.crc;
  }
}

class PackedOutbox extends PackedSlots {
  readonly state: CellsOutbox['state'];
  declare readonly crc?: number;

  constructor(m: CellsOutbox | Gathered<CellsOutbox>, texts: SlotTexts | undefined) {
    super(m, texts);
    this.state = m.state;
    if (m.crc !== undefined) (this as { crc?: number }).crc = m.crc;
  }
}

/** Whether a mailbox holds any slot, without unpacking the slots of one from hostFromCells. */
export function hasSlots(mailbox: { slots: readonly unknown[] } | null | undefined): boolean {
  if (!mailbox) return false;
  const empty = (mailbox as { [PACKED_EMPTY]?: boolean })[PACKED_EMPTY];
  return empty !== undefined ? !empty : mailbox.slots.length > 0;
}

/** A host's lifecycle steps as `?view=cells` sent them, kept on a host from hostFromCells. */
const PACKED_STEPS = Symbol('packed steps');

/** A host of `?view=cells` in the grid view's shape; its lifecycle is unpacked the first time it is read. */
class PackedHost {
  readonly id: number;
  readonly outsideWindow: boolean;
  readonly inbox: PackedInbox | null;
  readonly outbox: PackedOutbox | null;
  readonly #steps: string;
  #lifecycle: SlotLifecycle[] | undefined;

  constructor(c: CellsHost | GatheredCellsHost, texts: SlotTexts | undefined) {
    this.id = c.id;
    this.outsideWindow = c.outsideWindow;
    this.inbox = c.inbox && new PackedInbox(c.inbox, texts);
    this.outbox = c.outbox && new PackedOutbox(c.outbox, texts);
    this.#steps = c.steps;
  }

  get lifecycle(): SlotLifecycle[] {
    return (this.#lifecycle ??= unpackSteps(this.#steps));
  }

  get [PACKED_STEPS](): string {
    return this.#steps;
  }

  /** As the grid view's host: its fields and its lifecycle. */
  toJSON(): object {
    return { ...this, lifecycle: this.lifecycle };
  }
}

/**
 * The grid view's host from its cells: what the page's grid reads. Its slots and lifecycle are unpacked
 * when first read: a busy 2000-host pool changes hundreds of hosts a poll, and the page counts their steps
 * (stepCounts, from the packed steps) but draws only the few rows on screen. `texts`: its answer's gathered
 * slots texts, when they were (gatherSlots).
 */
export function hostFromCells(c: CellsHost | GatheredCellsHost, texts?: SlotTexts): HostSnapshot {
  return new PackedHost(c, texts) as unknown as HostSnapshot;
}

/** The hosts of a `?view=cells` answer, gathered or not, in the grid view's shape. */
export function hostsFromCells(answer: { hosts: Array<CellsHost | GatheredCellsHost>; slotsText?: string }): HostSnapshot[] {
  const texts = typeof answer.slotsText === 'string' ? { text: answer.slotsText } : undefined;
  return answer.hosts.map((c) => hostFromCells(c, texts));
}

/**
 * Gathers the slots texts that `hosts` (from hostFromCells; others are passed over) still read when their
 * answers' texts hold over twice as much (PackedSlots.compact). The page calls it with its model's hosts
 * after each answer: its cost is a walk over them, and a copy of what they read now and then.
 */
export function compactSlotTexts(hosts: Iterable<HostSnapshot>): number {
  return PackedSlots.compact(packedMailboxes(hosts));
}

/**
 * The page's reader of `?view=cells` answers: their hosts in the grid view's shape (hostsFromCells), and
 * their gathered slots texts kept in bounds. It weighs the texts a model's hosts still read
 * (compactSlotTexts) once the texts that arrived since it last did are as long as what those hosts read
 * then: the most they can have added. On a busy 2000-host pool's page a walk was about 1 ms of each
 * update; this way one update in five or so pays it, and the texts kept stay under three times what is
 * read.
 */
export class CellsReader {
  #arrived = 0;
  #read = 0;

  /** The hosts of an answer, gathered or not; its gathered texts count toward the next weighing. */
  hosts(answer: { hosts: Array<CellsHost | GatheredCellsHost>; slotsText?: string }): HostSnapshot[] {
    this.#arrived += answer.slotsText?.length ?? 0;
    return hostsFromCells(answer);
  }

  /** Gathers the texts `hosts` read into one again, if enough arrived since the last weighing and they hold too much. */
  compact(hosts: Iterable<HostSnapshot>): void {
    if (this.#arrived < Math.max(this.#read, SLACK_CHARS)) return;
    this.#arrived = 0;
    this.#read = compactSlotTexts(hosts);
  }
}

/** How many chars of gathered slots texts `hosts` still read, and how many those texts hold: what compactSlotTexts weighs. */
export function slotTextsHeld(hosts: Iterable<HostSnapshot>): { read: number; held: number } {
  const { read, held } = PackedSlots.held(packedMailboxes(hosts));
  return { read, held };
}

function* packedMailboxes(hosts: Iterable<HostSnapshot>): Generator<PackedSlots> {
  for (const host of hosts) {
    if (!(host instanceof PackedHost)) continue;
    if (host.inbox) yield host.inbox;
    if (host.outbox) yield host.outbox;
  }
}

/** How many slots of a host are at each step, and in all. */
export interface StepCounts {
  total: number;
  byStep: Readonly<Partial<Record<LifecycleStep, number>>>;
}

const stepCountsOf = new WeakMap<HostSnapshot, StepCounts>();
/** Steps by the char code of their packed code. */
const STEP_BY_CHAR: readonly (LifecycleStep | undefined)[] = (() => {
  const out: (LifecycleStep | undefined)[] = [];
  for (const [step, code] of Object.entries(STEP_CODES)) out[code.charCodeAt(0)] = step as LifecycleStep;
  return out;
})();

/** A host's step counts: from its packed steps when it came from `?view=cells` (its lifecycle stays packed), else from its lifecycle. */
export function stepCounts(host: HostSnapshot): StepCounts {
  let counts = stepCountsOf.get(host);
  if (counts) return counts;
  const byStep: Partial<Record<LifecycleStep, number>> = {};
  let total = 0;
  const packed = (host as { [PACKED_STEPS]?: string })[PACKED_STEPS];
  if (packed !== undefined) {
    for (let i = 0; i < packed.length; i++) {
      const step = STEP_BY_CHAR[packed.charCodeAt(i)];
      if (step === undefined) continue;
      byStep[step] = (byStep[step] ?? 0) + 1;
      total++;
    }
  } else {
    for (const { step } of host.lifecycle) byStep[step] = (byStep[step] ?? 0) + 1;
    total = host.lifecycle.length;
  }
  counts = { total, byStep };
  stepCountsOf.set(host, counts);
  return counts;
}
