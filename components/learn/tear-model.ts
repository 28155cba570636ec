/**
 * The tear player's model: a writer putting a mailbox on storage sector by
 * sector while a reader polls it. Each frame is the moment after one event
 * (a sector lands, or the reader reads); each read is decoded the way the
 * SPM and the inspector would see it, and its sectors compared with the
 * mailbox before and after the write (lib/analysis/sectors). Pure.
 */
import {
  CLEAN, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SECTORS_PER_MAILBOX, SECTOR_SIZE_BYTES,
  checksum, encodeMailbox, extend, inboxState, storedChecksum, type InboxState, type Message,
} from '@/lib/mailbox';
import { compareSectors, describeSectors } from '@/lib/analysis/sectors';
import { bug1426762, DOMAIN, VOLUME } from './examples';

export type TearModeId = 'pre-2017' | 'split';
export type TearScenarioId = 'bug-1426762' | 'acknowledge-all';

export type TearEvent =
  | { t: number; kind: 'land'; sectors: readonly number[] }
  | { t: number; kind: 'read' };

export interface TearMode {
  id: TearModeId;
  label: string;
  story: string;
  events: readonly TearEvent[];
}

const sectorsFrom = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * pre-2017: eight `dd bs=512` writes, timed like bug 1426762's CI run (the
 * whole mailbox took 1.2 s, 3.4 kB/s) with the SPM's reads at the moments
 * its log shows (98, 254, 559 and 776 ms after the write began).
 */
const PRE_2017: TearEvent[] = [
  ...sectorsFrom(0, SECTORS_PER_MAILBOX).map((s) => ({ t: 20 + s * 172, kind: 'land' as const, sectors: [s] })),
  ...[98, 254, 559, 776, 1330].map((t) => ({ t, kind: 'read' as const })),
].sort((a, b) => a.t - b.t);

/** Since 2017: one 4096-byte write, which storage may still split (here in two 2048-byte halves). */
const SPLIT: TearEvent[] = [
  { t: 0.2, kind: 'land', sectors: sectorsFrom(0, 4) },
  { t: 0.3, kind: 'read' },
  { t: 0.6, kind: 'land', sectors: sectorsFrom(4, SECTORS_PER_MAILBOX) },
  { t: 500, kind: 'read' },
];

export const TEAR_MODES: Readonly<Record<TearModeId, TearMode>> = {
  'pre-2017': {
    id: 'pre-2017', label: 'before 2017: 8 writes of 512 bytes', events: PRE_2017,
    story: 'The host wrote its mailbox as eight separate 512-byte writes. Until the eighth landed, the mailbox held new data under an old or missing checksum, and every read in that time saw it torn.',
  },
  split: {
    id: 'split', label: 'since 2017: one 4096-byte write, split by storage', events: SPLIT,
    story: 'The host writes the mailbox in one 4096-byte write, but NFS, iSCSI or a slow path may still carry it as smaller pieces. The torn moment is now only the gap between pieces: much shorter, so a read rarely falls in it, but not gone.',
  },
};

export interface TearScenario {
  id: TearScenarioId;
  label: string;
  host: number;
  before: Uint8Array;
  after: Uint8Array;
}

function acknowledgeAll(): { before: Uint8Array; after: Uint8Array } {
  const requests: Record<number, Message> = {};
  const cleans: Record<number, Message> = {};
  for (let s = 0; s < MESSAGE_SLOTS_PER_MAILBOX; s++) {
    requests[s] = extend(DOMAIN, VOLUME, 1024 + s * 128);
    cleans[s] = CLEAN;
  }
  return { before: encodeMailbox(requests), after: encodeMailbox(cleans) };
}

export function tearScenarios(): TearScenario[] {
  const bug = bug1426762();
  const ack = acknowledgeAll();
  return [
    { id: 'bug-1426762', label: 'bug 1426762: one request into an empty mailbox', host: 7, before: bug.before, after: bug.after },
    { id: 'acknowledge-all', label: 'a full mailbox: 63 requests become 63 CLEANs', host: 5, before: ack.before, after: ack.after },
  ];
}

export interface TearRead {
  /** 1, 2, … in order */
  n: number;
  t: number;
  bytes: Uint8Array;
  stored: number;
  computed: number;
  state: InboxState;
  /** n / o / = per sector: new, old, unchanged (lib/analysis/sectors) */
  sectors: string;
  summary: string;
}

export interface TearFrame {
  /** 0 = before the write began */
  index: number;
  t: number;
  event: TearEvent | null;
  /** per sector: the new data is on storage */
  landed: boolean[];
  /** every read so far, oldest first */
  reads: TearRead[];
  caption: string;
}

function readOf(n: number, t: number, disk: Uint8Array, before: Uint8Array, after: Uint8Array): TearRead {
  const stored = storedChecksum(disk);
  const computed = checksum(disk);
  const sectors = compareSectors(disk, before, after);
  return { n, t, bytes: disk.slice(), stored, computed, state: inboxState(stored, computed), sectors, summary: describeSectors(sectors) };
}

const ms = (t: number) => (t < 1 ? `${t} ms` : `${Math.round(t)} ms`);

function caption(event: TearEvent, read: TearRead | null): string {
  if (event.kind === 'land') {
    const [first, last] = [event.sectors[0], event.sectors[event.sectors.length - 1]];
    const which = first === last ? `sector ${first}` : `sectors ${first}-${last}`;
    const sum = event.sectors.includes(SECTORS_PER_MAILBOX - 1) ? ', with the checksum: the write is complete' : '';
    return `${ms(event.t)}: the writer's ${which} lands (bytes ${first * SECTOR_SIZE_BYTES}..${(last + 1) * SECTOR_SIZE_BYTES - 1})${sum}`;
  }
  const r = read!;
  const verdict = r.stored === r.computed
    ? 'the checksum matches: the mail is read'
    : `stored ${r.stored} ≠ computed ${r.computed}: “checksum failed”, the SPM drops this mail`;
  return `${ms(event.t)}: read ${r.n} sees ${r.summary}; ${verdict}`;
}

export function tearFrames(before: Uint8Array, after: Uint8Array, events: readonly TearEvent[]): TearFrame[] {
  if (before.length !== MAILBOX_SIZE_BYTES || after.length !== MAILBOX_SIZE_BYTES) throw new RangeError('the tear player needs two 4096-byte mailboxes');
  const disk = before.slice();
  const landed = new Array<boolean>(SECTORS_PER_MAILBOX).fill(false);
  const reads: TearRead[] = [];
  const frames: TearFrame[] = [{ index: 0, t: 0, event: null, landed: [...landed], reads: [], caption: 'Before the write: storage holds the old mailbox.' }];
  for (const event of events) {
    let read: TearRead | null = null;
    if (event.kind === 'land') {
      for (const s of event.sectors) {
        disk.set(after.subarray(s * SECTOR_SIZE_BYTES, (s + 1) * SECTOR_SIZE_BYTES), s * SECTOR_SIZE_BYTES);
        landed[s] = true;
      }
    } else {
      read = readOf(reads.length + 1, event.t, disk, before, after);
      reads.push(read);
    }
    frames.push({ index: frames.length, t: event.t, event, landed: [...landed], reads: [...reads], caption: caption(event, read) });
  }
  return frames;
}
