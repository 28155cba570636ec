/**
 * The two volumes as the simulated hosts see them, and the ordered list of
 * writes that made them. Every write lands at once (the simulation's unit of
 * atomicity); tears come from hosts issuing several smaller writes.
 */
import { MAILBOX_SIZE_BYTES, type VolumeKind } from '@/lib/mailbox';
import type { VirtualClock } from './clock';
import type { SimWrite, Writer, WriteWhat } from './types';

export class SimDisk {
  readonly inbox: Uint8Array;
  readonly outbox: Uint8Array;
  private pending: SimWrite[] = [];
  private seq = 0;

  /** Holds mailboxes 0..maxHostId: the SPM's window plus the one host id past it. */
  constructor(private readonly clock: VirtualClock, maxHostId: number) {
    this.inbox = new Uint8Array((maxHostId + 1) * MAILBOX_SIZE_BYTES);
    this.outbox = new Uint8Array((maxHostId + 1) * MAILBOX_SIZE_BYTES);
  }

  /** The seq the next write will get: the number of writes so far. */
  get nextSeq(): number {
    return this.seq;
  }

  volume(file: VolumeKind): Uint8Array {
    return file === 'inbox' ? this.inbox : this.outbox;
  }

  /** Applies a write now and queues it for the caller of `drain`. Returns its seq. */
  write(file: VolumeKind, offset: number, bytes: Uint8Array, by: Writer, what: WriteWhat, part?: SimWrite['part']): number {
    const volume = this.volume(file);
    if (offset < 0 || offset + bytes.length > volume.length) {
      throw new RangeError(`write of ${bytes.length} bytes at ${offset} is outside the ${volume.length}-byte ${file}`);
    }
    const copy = bytes.slice();
    volume.set(copy, offset);
    const seq = this.seq++;
    this.pending.push({ seq, t: this.clock.now, file, offset, bytes: copy, by, what, ...(part ? { part } : {}) });
    return seq;
  }

  /** The writes made since the last drain, in order. */
  drain(): SimWrite[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
