/**
 * Groups `checksum failed` lines into episodes per mailbox and says what
 * each was: a tear that healed or changed, or garbage that fails the same
 * way on every read.
 */
import { toBase64 } from './base64';
import { STORED_NOTE, fillByte, loggedChecksum, loggedSlots } from './logged-mailbox';
import type { ChecksumFailureEpisode, FailureKind, FailureVariant, LogPlace } from './types';

export interface LoggedFailure {
  place: LogPlace;
  ms: number | null;
  mailbox: number;
  data: Uint8Array;
  complete: boolean;
  expectedLogged: number | null;
  quote: string;
}

/** A new episode starts when a mailbox has not failed for this long. */
export const EPISODE_GAP_MS = 5 * 60_000;
/** Identical data failing for at least this long, this often, is garbage. */
export const GARBAGE_MIN_MS = 10 * 60_000;
export const GARBAGE_MIN_COUNT = 10;
const MAX_VARIANTS_KEPT = 8;
export const MAX_EPISODES = 10_000;

interface Episode {
  mailbox: number;
  first: LoggedFailure;
  last: LogPlace;
  firstMs: number | null;
  lastMs: number | null;
  count: number;
  healedAt: string | null;
  variants: Map<number, FailureVariant>;
  distinct: number;
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** Hashes by array: a mailbox's repeated data comes as the same array (see line-handlers' loggedData). */
const hashes = new WeakMap<Uint8Array, number>();

function hashOf(bytes: Uint8Array): number {
  let h = hashes.get(bytes);
  if (h === undefined) hashes.set(bytes, (h = fnv1a(bytes)));
  return h;
}

function variantOf(f: LoggedFailure): FailureVariant {
  const computed = f.complete ? loggedChecksum(f.data) : null;
  return {
    count: 0, firstTime: f.place.time, lastTime: f.place.time, first: f.place, computed, expectedLogged: f.expectedLogged,
    expectedMatches: computed === null || f.expectedLogged === null ? null : computed === f.expectedLogged,
    dataBase64: f.complete ? toBase64(f.data) : null, complete: f.complete, slots: loggedSlots(f.data, f.mailbox),
  };
}

function duration(ms: number): string {
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`;
}

function classify(e: Episode): { kind: FailureKind; why: string; whatToDo: string } {
  const span = e.firstMs !== null && e.lastMs !== null ? e.lastMs - e.firstMs : 0;
  const torn = {
    kind: 'torn' as const,
    whatToDo: 'A write caught half-way (before 2017 a host wrote its mailbox in eight 512-byte pieces; storage that reorders sectors does the same). '
      + `While it failed the SPM ignored mailbox ${e.mailbox}'s new mail; the host re-sends. If tears repeat, check the hosts' vdsm versions and that the storage writes 4 KiB atomically.`,
  };
  if (e.healedAt) return { ...torn, why: `mailbox ${e.mailbox} was valid again at ${e.healedAt} (the SPM logged it validated)` };
  if (e.distinct > 1) return { ...torn, why: `its data changed between failures (${e.distinct} different contents): a write in progress, not garbage` };
  const fill = fillByte(e.first.data);
  const garbageToDo = `No vdsm host writes valid mail here. If host id ${e.mailbox} is not in use, its mailbox holds leftovers that the SPM logs on every read (the log flood of vdsm#205): `
    + `zeroing those 4096 bytes of the inbox, with support's guidance and the SPM stopped, ends it. If host ${e.mailbox} is in use, its vdsm cannot write the inbox: check its storage connection and its vdsm.log.`;
  if (fill !== null && fill !== 0 && e.first.complete) {
    return { kind: 'garbage', why: `every logged byte is 0x${fill.toString(16).padStart(2, '0')}: nothing vdsm writes, left on the volume`, whatToDo: garbageToDo };
  }
  if (span >= GARBAGE_MIN_MS && e.count >= GARBAGE_MIN_COUNT) {
    return { kind: 'garbage', why: `the same bytes failed on all ${e.count} reads over ${duration(span)} and never healed`, whatToDo: garbageToDo };
  }
  return {
    kind: 'unknown',
    why: `${e.count} identical failure${e.count === 1 ? '' : 's'} over ${duration(span)}, never seen valid: too short to tell a tear from garbage`,
    whatToDo: 'Look at the inbox live in the inspector, or a dump taken now, to see whether it heals; a log covering more time also tells.',
  };
}

export class EpisodeTracker {
  private readonly open = new Map<number, Episode>();
  private readonly closed: Episode[] = [];
  dropped = 0;

  add(f: LoggedFailure): void {
    let e = this.open.get(f.mailbox);
    if (e && e.lastMs !== null && f.ms !== null && f.ms - e.lastMs > EPISODE_GAP_MS) {
      this.close(f.mailbox);
      e = undefined;
    }
    if (!e) {
      if (this.open.size + this.closed.length >= MAX_EPISODES) {
        this.dropped++;
        return;
      }
      e = { mailbox: f.mailbox, first: f, last: f.place, firstMs: f.ms, lastMs: f.ms, count: 0, healedAt: null, variants: new Map(), distinct: 0 };
      this.open.set(f.mailbox, e);
    }
    e.count++;
    e.last = f.place;
    if (f.ms !== null) e.lastMs = f.ms;
    const key = hashOf(f.data) ^ (f.complete ? 0 : 0x5a5a5a5a);
    let v = e.variants.get(key);
    if (!v) {
      e.distinct++;
      if (e.variants.size >= MAX_VARIANTS_KEPT) return;
      v = variantOf(f);
      e.variants.set(key, v);
    }
    v.count++;
    v.lastTime = f.place.time;
  }

  /** `SPM_MailMonitor: Mailbox N validated`: the mailbox is valid again. */
  validated(mailbox: number, time: string | null): void {
    const e = this.open.get(mailbox);
    if (!e) return;
    e.healedAt = time;
    this.close(mailbox);
  }

  private close(mailbox: number): void {
    const e = this.open.get(mailbox);
    if (!e) return;
    this.open.delete(mailbox);
    this.closed.push(e);
  }

  result(): ChecksumFailureEpisode[] {
    const all = [...this.closed, ...this.open.values()];
    all.sort((a, b) => (a.firstMs ?? 0) - (b.firstMs ?? 0) || a.mailbox - b.mailbox);
    return all.map((e) => {
      const variants = [...e.variants.values()];
      const v0 = variants[0];
      return {
        mailbox: e.mailbox, firstTime: e.first.place.time, lastTime: e.last.time, count: e.count,
        computed: v0.computed, expectedLogged: v0.expectedLogged, expectedMatches: v0.expectedMatches,
        firstLine: e.first.place.line, firstFile: e.first.place.file, lastLine: e.last.line, lastFile: e.last.file,
        quote: e.first.quote, stored: null, storedNote: STORED_NOTE, slots: v0.slots, ...classify(e),
        healedAt: e.healedAt, variants, distinctData: e.distinct,
      };
    });
  }
}
