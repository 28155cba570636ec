/** Test helper: applies a simulation's writes, in order, to in-memory volumes built only from the writes. */
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import type { SimWrite } from '@/lib/simulator';

export class Replay {
  readonly inbox: Uint8Array;
  readonly outbox: Uint8Array;
  /** how many writes have been applied: the state is "after writes 0..applied-1" */
  applied = 0;

  constructor(private readonly writes: readonly SimWrite[], mailboxes: number) {
    this.inbox = new Uint8Array(mailboxes * MAILBOX_SIZE_BYTES);
    this.outbox = new Uint8Array(mailboxes * MAILBOX_SIZE_BYTES);
  }

  /** Applies the next write; returns it, or null at the end. */
  step(): SimWrite | null {
    const write = this.writes[this.applied];
    if (!write) return null;
    if (write.seq !== this.applied) throw new Error(`write ${this.applied} has seq ${write.seq}`);
    (write.file === 'inbox' ? this.inbox : this.outbox).set(write.bytes, write.offset);
    this.applied++;
    return write;
  }

  /** Applies writes until `count` have been applied. */
  until(count: number): void {
    if (count < this.applied) throw new Error(`cannot go back from ${this.applied} to ${count}`);
    while (this.applied < count) this.step();
  }

  mailbox(file: 'inbox' | 'outbox', host: number): Uint8Array {
    return (file === 'inbox' ? this.inbox : this.outbox).slice(host * MAILBOX_SIZE_BYTES, (host + 1) * MAILBOX_SIZE_BYTES);
  }
}

/** One line per write (position, writer, length, FNV-1a of the bytes): cheap to compare for thousands of writes. */
export function fingerprint(writes: readonly SimWrite[]): string[] {
  return writes.map((w) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.bytes.length; i++) h = Math.imul(h ^ w.bytes[i], 0x01000193);
    return `${w.seq} ${w.t.toFixed(6)} ${w.by} ${w.what} ${w.file}@${w.offset}+${w.bytes.length} ${w.part?.index ?? '-'} ${(h >>> 0).toString(16)}`;
  });
}
