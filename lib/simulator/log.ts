/**
 * The simulation's own account of what happened (not any actor's view):
 * request records, SPM reads and corruptions. Tests compare it with what the
 * decoder finds in the bytes.
 */
import type { Corruption, ReplyStamp, RequestRecord, SpmRead, Stamp } from './types';

/** Drops the oldest entries once `limit` is passed, in chunks so it stays cheap. */
function bound<T>(list: T[], limit: number): void {
  if (list.length > limit) list.splice(0, Math.max(list.length - limit, Math.ceil(limit / 10)));
}

export class SimLog {
  readonly requests: RequestRecord[] = [];
  readonly reads: SpmRead[] = [];
  readonly corruptions: Corruption[] = [];
  /** msgId → the request now using that slot */
  private open = new Map<number, RequestRecord>();
  private nextId = 0;

  constructor(private readonly limit: number) {}

  openRequest(fields: Omit<RequestRecord, 'id' | 'msgId' | 'resends' | 'replies'>): RequestRecord {
    const record: RequestRecord = { id: this.nextId++, msgId: fields.host * 64 + fields.slot, resends: 0, replies: [], ...fields };
    this.requests.push(record);
    bound(this.requests, this.limit);
    this.open.set(record.msgId, record);
    return record;
  }

  /** The slot is free again: later SPM writes to it belong to no request. */
  closeRequest(record: RequestRecord): void {
    if (this.open.get(record.msgId) === record) this.open.delete(record.msgId);
  }

  reply(host: number, slot: number, domain: string, volume: string, stamp: ReplyStamp): void {
    const record = this.open.get(host * 64 + slot);
    if (record && record.domain === domain && record.volume === volume) record.replies.push(stamp);
  }

  spmAck(host: number, slot: number, stamp: Stamp): void {
    const record = this.open.get(host * 64 + slot);
    if (record?.hostAck && !record.spmAck) record.spmAck = stamp;
  }

  read(read: SpmRead): void {
    this.reads.push(read);
    bound(this.reads, this.limit);
  }

  corruption(corruption: Corruption): void {
    this.corruptions.push(corruption);
    bound(this.corruptions, this.limit);
  }
}
