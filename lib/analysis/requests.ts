/**
 * Follows every (host, slot) across reads and keeps one record per request.
 * An inbox mailbox that fails its checksum is unreliable: its previous valid
 * state is held until it is valid again, so a torn write never shows as the
 * slot changing. Pure: fed with the mailboxes that changed at each read.
 */
import {
  assertNever, EXTEND_FIELDS, MESSAGE_SLOTS_PER_MAILBOX, samePrefix, SLOT_SIZE_BYTES, SLOTS_PER_MAILBOX, type DecodedMailbox, type DecodedSlot,
} from '@/lib/mailbox';
import type { RequestRecord, RequestResult, RequestStep } from './request-record';

// The HSM accepts a reply whose bytes 0..36 (version, opcode, domain, volume) equal its request's.
const MATCHED_BYTES = EXTEND_FIELDS.size.offset;

export interface MailboxChange {
  host: number;
  decoded: DecodedMailbox;
}

export interface StepEvent {
  record: RequestRecord;
  step: RequestStep;
  /** from the previous step (from the request for 'reply'); null when that time is unknown */
  latencyMs: number | null;
}

export interface RequestEvents {
  started: RequestRecord[];
  steps: StepEvent[];
}

export interface RequestLimits {
  windowMs: number;
  /** finished records kept at most (oldest dropped first); open ones are bounded by the slots */
  maxClosed: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { windowMs: 3_600_000, maxClosed: 50_000 };

/** A mailbox's slots by index (empty slots left out): one walk in slot order, no maps. */
type Slots = readonly (DecodedSlot | undefined)[];

interface HeldInbox {
  slots: Slots;
  outsideWindow: boolean;
}

const NO_SLOTS: Slots = [];

function bySlot(decoded: DecodedMailbox): Slots {
  const out: (DecodedSlot | undefined)[] = new Array(MESSAGE_SLOTS_PER_MAILBOX);
  for (const slot of decoded.slots) if (slot.kind !== 'empty') out[slot.index] = slot;
  return out;
}

const NONE_INFERRED: RequestStep[] = Object.freeze([]) as unknown as RequestStep[];

const sameBytes = (a: DecodedSlot, b: DecodedSlot) => a === b || samePrefix(a, b, SLOT_SIZE_BYTES);

/** Times are kept as whole milliseconds from this: small integers a record holds inline, not boxed numbers. */
interface Clock {
  origin: number;
}

/** A time kept from the clock's origin, or null. */
type Offset = number | null;

/**
 * A record as the tracker keeps it: its id and UUIDs are made when first
 * asked for (the UUIDs from the request's slot), and its times are kept as
 * offsets from the tracker's first read (an epoch time is a boxed number in
 * each record, one object more per step: a busy pool starts thousands of
 * requests a second, and most records are never shown).
 */
class TrackedRequest implements RequestRecord {
  readonly msgId: number;
  readonly sizeMiB: number | null;
  readonly requestedSeq: number;
  updatedSeq: number;
  replySizeMiB: number | null = null;
  result: RequestResult | null = null;
  /** shared and empty until a step is inferred: most records never have one */
  inferred: RequestStep[] = NONE_INFERRED;
  request: DecodedSlot | null;
  baselineReply: DecodedSlot | null;
  private requested: number;
  private replied: Offset = null;
  private hostAcked: Offset = null;
  private spmAcked: Offset = null;
  private freed: Offset = null;
  private replaced: Offset = null;
  private cachedId?: string;
  private cachedDomain?: string;
  private cachedVolume?: string;

  constructor(
    private readonly clock: Clock,
    readonly host: number, readonly slot: number, private readonly target: DecodedSlot, reply: DecodedSlot | undefined,
    seq: number, t: number, readonly outsideWindow: boolean, readonly partial: boolean,
  ) {
    this.msgId = host * SLOTS_PER_MAILBOX + slot;
    this.sizeMiB = target.sizeMiB ?? null;
    this.request = target;
    this.baselineReply = reply ?? null;
    this.requestedSeq = seq;
    this.updatedSeq = seq;
    this.requested = t - clock.origin;
  }

  private at(offset: Offset): number | null {
    return offset === null ? null : this.clock.origin + offset;
  }

  private offset(t: number | null): Offset {
    return t === null ? null : t - this.clock.origin;
  }

  get requestedAt(): number { return this.clock.origin + this.requested; }
  set requestedAt(t: number) { this.requested = t - this.clock.origin; }
  get repliedAt(): number | null { return this.at(this.replied); }
  set repliedAt(t: number | null) { this.replied = this.offset(t); }
  get hostAckedAt(): number | null { return this.at(this.hostAcked); }
  set hostAckedAt(t: number | null) { this.hostAcked = this.offset(t); }
  get spmAckedAt(): number | null { return this.at(this.spmAcked); }
  set spmAckedAt(t: number | null) { this.spmAcked = this.offset(t); }
  get freedAt(): number | null { return this.at(this.freed); }
  set freedAt(t: number | null) { this.freed = this.offset(t); }
  get replacedAt(): number | null { return this.at(this.replaced); }
  set replacedAt(t: number | null) { this.replaced = this.offset(t); }

  get id(): string {
    return (this.cachedId ??= `${this.host}-${this.slot}-${this.requestedSeq}`);
  }

  get domain(): string {
    return (this.cachedDomain ??= this.target.domain!);
  }

  get volume(): string {
    return (this.cachedVolume ??= this.target.volume!);
  }
}

export class RequestTracker {
  /** the last valid inbox slots of each host (held while its mailbox fails its checksum) */
  private inbox = new Map<number, HeldInbox>();
  private outbox = new Map<number, Slots>();
  /** the latest record of each msgId (index), until freed or replaced: an array, as msgIds are small and dense */
  private current: (RequestRecord | undefined)[] = [];
  private closed: RequestRecord[] = [];
  private firstSeq: number | null = null;
  /** the step being followed: its read, and whether a step was inferred in it */
  private at = { seq: 0, t: 0, events: null as unknown as RequestEvents, inferredNow: false };
  /** the origin of the records' times: the first read's */
  private clock: Clock | null = null;

  constructor(private readonly limits: RequestLimits = DEFAULT_REQUEST_LIMITS) {}

  /** `null` for a volume that could not be read at this read (nothing is known to have changed there). */
  ingest(seq: number, readAt: number, inbox: readonly MailboxChange[] | null, outbox: readonly MailboxChange[] | null): RequestEvents {
    const events: RequestEvents = { started: [], steps: [] };
    if (inbox !== null) this.firstSeq ??= seq;
    const touched = new Set<number>();
    for (const { host, decoded } of inbox ?? []) {
      if (host < 1 || (decoded.state !== 'valid' && decoded.state !== 'empty')) continue;
      this.inbox.set(host, { slots: bySlot(decoded), outsideWindow: decoded.outsideWindow });
      touched.add(host);
    }
    for (const { host, decoded } of outbox ?? []) {
      if (host < 1) continue;
      this.outbox.set(host, bySlot(decoded));
      touched.add(host);
    }
    this.at.seq = seq;
    this.at.t = readAt;
    this.at.events = events;
    for (const host of touched) this.follow(host);
    this.evict(readAt);
    return events;
  }

  /** Records not yet freed or replaced, in no particular order. */
  open(): IterableIterator<RequestRecord> {
    const records = this.current;
    return (function* open() {
      for (const record of records) if (record) yield record;
    })();
  }

  /** Every record kept: finished ones, then the ones still open. */
  list(): RequestRecord[] {
    return [...this.closed, ...this.open()];
  }

  private follow(host: number): void {
    const held = this.inbox.get(host);
    const requests = held?.slots ?? NO_SLOTS;
    const replies = this.outbox.get(host) ?? NO_SLOTS;
    const outsideWindow = held?.outsideWindow ?? false;
    for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) {
      const request = requests[slot];
      const reply = replies[slot];
      if (request || reply || this.current[host * SLOTS_PER_MAILBOX + slot]) this.step(host, slot, request, reply, outsideWindow);
    }
  }

  /** Notes that `record` reached `step` at the read being followed (`from`: the time its latency counts from). */
  private mark(record: RequestRecord, step: RequestStep, from: number | null, inferred = false): void {
    const { seq, t, events } = this.at;
    // No latency from a time that is unknown: a partial record's start, or a step inferred in this very read.
    const unknown = from === null || (record.partial && from === record.requestedAt) || (this.at.inferredNow && from === t);
    if (inferred) record.inferred = [...record.inferred, step];
    this.at.inferredNow ||= inferred;
    record.updatedSeq = seq;
    events.steps.push({ record, step, latencyMs: unknown ? null : t - from });
  }

  private step(host: number, slot: number, request: DecodedSlot | undefined, reply: DecodedSlot | undefined, outsideWindow: boolean): void {
    const { seq, t, events } = this.at;
    let record = this.current[host * SLOTS_PER_MAILBOX + slot];
    this.at.inferredNow = false;
    switch (request?.kind) {
      case 'extend': {
        // A new request: a different message in the slot, or a request again after this one was acknowledged.
        if (!record || !record.request || !sameBytes(record.request, request) || record.hostAckedAt !== null) {
          // After its CLEAN the old request was freed, in a read no one made; before it, it was overwritten.
          if (record?.hostAckedAt != null) this.free(record, reply, true);
          else if (record) this.close(record, 'replaced');
          this.clock ??= { origin: t };
          record = new TrackedRequest(this.clock, host, slot, request, reply, seq, t, outsideWindow, seq === this.firstSeq);
          // Grown without holes: a sparse array would fall back to a slow dictionary.
          while (this.current.length <= record.msgId) this.current.push(undefined);
          this.current[record.msgId] = record;
          events.started.push(record);
        }
        this.checkReply(record, reply);
        return;
      }
      case 'clean': {
        if (!record) return; // the handshake began before history: nothing to attach it to
        this.checkReply(record, reply);
        if (record.repliedAt === null) {
          record.repliedAt = t;
          record.result = 'unknown';
          this.mark(record, 'reply', record.requestedAt, true);
        }
        if (record.hostAckedAt === null) {
          record.hostAckedAt = t;
          this.mark(record, 'host_ack', record.repliedAt);
        }
        if (reply?.kind === 'clean' && record.spmAckedAt === null) {
          record.spmAckedAt = t;
          this.mark(record, 'spm_ack', record.hostAckedAt);
        }
        return;
      }
      case undefined: {
        if (record) this.free(record, reply, false);
        return;
      }
      case 'empty': // leftover bytes behind a first byte 0
      case 'unknown':
        return; // unknown content: the decoder reports it; the record waits for a known message
      default:
        assertNever(request!.kind, 'slot kind');
    }
  }

  private free(record: RequestRecord, reply: DecodedSlot | undefined, inferred: boolean): void {
    const { t } = this.at;
    if (record.hostAckedAt !== null && record.spmAckedAt === null && reply?.kind === 'clean') {
      record.spmAckedAt = t;
      this.mark(record, 'spm_ack', record.hostAckedAt, true);
    }
    if (record.repliedAt === null) record.result = 'abandoned';
    record.freedAt = t;
    this.mark(record, 'free', record.spmAckedAt ?? record.hostAckedAt ?? record.repliedAt, inferred);
    this.close(record, 'freed');
  }

  private checkReply(record: RequestRecord, reply: DecodedSlot | undefined): void {
    if (reply?.kind !== 'extend' || record.result === 'ok' || record.result === 'failed' || record.result === 'size_zero') return;
    const matches = record.request !== null && samePrefix(reply, record.request, MATCHED_BYTES);
    // A different reply already there when the request appeared belongs to an earlier request.
    if (!matches && ((record.baselineReply !== null && sameBytes(reply, record.baselineReply)) || record.result === 'mismatched')) return;
    const first = record.repliedAt === null;
    if (first) record.repliedAt = this.at.t;
    record.replySizeMiB = reply.sizeMiB ?? null;
    record.result = !matches ? 'mismatched' : reply.sizeMiB !== 0 ? 'ok' : record.sizeMiB === 0 ? 'size_zero' : 'failed';
    if (first) this.mark(record, 'reply', record.requestedAt);
  }

  private close(record: RequestRecord, why: 'freed' | 'replaced'): void {
    if (why === 'replaced') record.replacedAt = this.at.t;
    record.updatedSeq = this.at.seq;
    // Only open records compare bytes; a closed one is kept for an hour, so it lets go of the slots.
    record.request = null;
    record.baselineReply = null;
    this.current[record.msgId] = undefined;
    this.closed.push(record);
  }

  private evict(now: number): void {
    const { windowMs, maxClosed } = this.limits;
    let drop = 0;
    const end = (r: RequestRecord) => r.freedAt ?? r.replacedAt ?? r.requestedAt;
    while (drop < this.closed.length && (end(this.closed[drop]) < now - windowMs || this.closed.length - drop > maxClosed)) drop++;
    if (drop > 0) this.closed.splice(0, drop);
  }
}
