/**
 * Follows every (host, slot) across reads and keeps one record per request.
 * An inbox mailbox that fails its checksum is unreliable: its previous valid
 * state is held until it is valid again, so a torn write never shows as the
 * slot changing. Pure: fed with the mailboxes that changed at each read.
 */
import { EXTEND_FIELDS, SLOTS_PER_MAILBOX, type DecodedMailbox, type DecodedSlot } from '@/lib/mailbox';
import type { RequestRecord, RequestStep } from './request-record';

// The HSM accepts a reply whose bytes 0..36 (version, opcode, domain, volume) equal its request's.
const MATCHED_HEX_CHARS = 2 * EXTEND_FIELDS.size.offset;

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

type Slots = Map<number, DecodedSlot>;
type Mark = (step: RequestStep, from: number | null, inferred?: boolean) => void;

interface HeldInbox {
  slots: Slots;
  outsideWindow: boolean;
}

function bySlot(decoded: DecodedMailbox): Slots {
  return new Map(decoded.slots.filter((s) => s.kind !== 'empty').map((s) => [s.index, s]));
}

export class RequestTracker {
  /** the last valid inbox slots of each host (held while its mailbox fails its checksum) */
  private inbox = new Map<number, HeldInbox>();
  private outbox = new Map<number, Slots>();
  /** the latest record of each msgId, until freed or replaced */
  private current = new Map<number, RequestRecord>();
  private closed: RequestRecord[] = [];
  private firstSeq: number | null = null;

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
    for (const host of touched) this.follow(host, seq, readAt, events);
    this.evict(readAt);
    return events;
  }

  /** Records not yet freed or replaced, in no particular order. */
  open(): IterableIterator<RequestRecord> {
    return this.current.values();
  }

  /** Every record kept: finished ones, then the ones still open. */
  list(): RequestRecord[] {
    return [...this.closed, ...this.current.values()];
  }

  private follow(host: number, seq: number, t: number, events: RequestEvents): void {
    const held = this.inbox.get(host);
    const requests = held?.slots ?? new Map<number, DecodedSlot>();
    const replies = this.outbox.get(host) ?? new Map();
    const slots = new Set([...requests.keys(), ...replies.keys()]);
    for (let slot = 0; slot < SLOTS_PER_MAILBOX; slot++) if (this.current.has(host * SLOTS_PER_MAILBOX + slot)) slots.add(slot);
    for (const slot of slots) this.step(host, slot, requests.get(slot), replies.get(slot), seq, t, events, held?.outsideWindow ?? false);
  }

  private step(
    host: number, slot: number, request: DecodedSlot | undefined, reply: DecodedSlot | undefined,
    seq: number, t: number, events: RequestEvents, outsideWindow: boolean,
  ): void {
    const msgId = host * SLOTS_PER_MAILBOX + slot;
    let record = this.current.get(msgId);
    let inferredNow = false;
    const mark: Mark = (step, from, inferred = false) => {
      // No latency from a time that is unknown: a partial record's start, or a step inferred in this very read.
      const unknown = from === null || (record!.partial && from === record!.requestedAt) || (inferredNow && from === t);
      if (inferred) record!.inferred.push(step);
      inferredNow ||= inferred;
      record!.updatedSeq = seq;
      events.steps.push({ record: record!, step, latencyMs: unknown ? null : t - from });
    };
    switch (request?.kind) {
      case 'extend': {
        // A new request: a different message in the slot, or a request again after this one was acknowledged.
        if (!record || record.requestHex !== request.hex || record.hostAckedAt !== null) {
          // After its CLEAN the old request was freed, in a read no one made; before it, it was overwritten.
          if (record?.hostAckedAt != null) this.free(record, seq, t, reply, mark, true);
          else if (record) this.close(record, seq, t, 'replaced');
          record = this.start(host, slot, request, reply, seq, t, outsideWindow);
          events.started.push(record);
        }
        this.checkReply(record, reply, t, mark);
        return;
      }
      case 'clean': {
        if (!record) return; // the handshake began before history: nothing to attach it to
        this.checkReply(record, reply, t, mark);
        if (record.repliedAt === null) {
          record.repliedAt = t;
          record.result = 'unknown';
          mark('reply', record.requestedAt, true);
        }
        if (record.hostAckedAt === null) {
          record.hostAckedAt = t;
          mark('host_ack', record.repliedAt);
        }
        if (reply?.kind === 'clean' && record.spmAckedAt === null) {
          record.spmAckedAt = t;
          mark('spm_ack', record.hostAckedAt);
        }
        return;
      }
      case undefined: {
        if (record) this.free(record, seq, t, reply, mark, false);
        return;
      }
      default:
        return; // unknown content: the decoder reports it; the record waits for a known message
    }
  }

  private free(record: RequestRecord, seq: number, t: number, reply: DecodedSlot | undefined, mark: Mark, inferred: boolean): void {
    if (record.hostAckedAt !== null && record.spmAckedAt === null && reply?.kind === 'clean') {
      record.spmAckedAt = t;
      mark('spm_ack', record.hostAckedAt, true);
    }
    if (record.repliedAt === null) record.result = 'abandoned';
    record.freedAt = t;
    mark('free', record.spmAckedAt ?? record.hostAckedAt ?? record.repliedAt, inferred);
    this.close(record, seq, t, 'freed');
  }

  private start(host: number, slot: number, request: DecodedSlot, reply: DecodedSlot | undefined, seq: number, t: number, outsideWindow: boolean): RequestRecord {
    const record: RequestRecord = {
      id: `${host}-${slot}-${seq}`, host, slot, msgId: host * SLOTS_PER_MAILBOX + slot,
      domain: request.domain!, volume: request.volume!, sizeMiB: request.sizeMiB ?? null,
      requestHex: request.hex, baselineReplyHex: reply?.hex ?? null,
      requestedSeq: seq, updatedSeq: seq, requestedAt: t, repliedAt: null, replySizeMiB: null,
      hostAckedAt: null, spmAckedAt: null, freedAt: null, replacedAt: null, result: null,
      outsideWindow, partial: seq === this.firstSeq, inferred: [],
    };
    this.current.set(record.msgId, record);
    return record;
  }

  private checkReply(record: RequestRecord, reply: DecodedSlot | undefined, t: number, mark: Mark): void {
    if (reply?.kind !== 'extend' || record.result === 'ok' || record.result === 'failed' || record.result === 'size_zero') return;
    const matches = reply.hex.slice(0, MATCHED_HEX_CHARS) === record.requestHex.slice(0, MATCHED_HEX_CHARS);
    // A different reply already there when the request appeared belongs to an earlier request.
    if (!matches && (reply.hex === record.baselineReplyHex || record.result === 'mismatched')) return;
    const first = record.repliedAt === null;
    if (first) record.repliedAt = t;
    record.replySizeMiB = reply.sizeMiB ?? null;
    record.result = !matches ? 'mismatched' : reply.sizeMiB !== 0 ? 'ok' : record.sizeMiB === 0 ? 'size_zero' : 'failed';
    if (first) mark('reply', record.requestedAt);
  }

  private close(record: RequestRecord, seq: number, t: number, why: 'freed' | 'replaced'): void {
    if (why === 'replaced') record.replacedAt = t;
    record.updatedSeq = seq;
    // Only open records compare bytes; a closed one is kept for an hour, so it sheds them.
    record.requestHex = '';
    record.baselineReplyHex = null;
    this.current.delete(record.msgId);
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
