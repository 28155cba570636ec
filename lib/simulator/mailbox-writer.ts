/**
 * How one HSM gets its mailbox onto the inbox: one 4096-byte write, or the
 * pre-2017 way, 8 writes of 512 bytes with a pause between them (the
 * mailbox is torn until the last one lands). Then the event block, to wake
 * the SPM. Writes of one host never overlap: a change made while a write is
 * under way is written by the next one, as vdsm's single monitor thread does.
 */
import { encodeEvent, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, SECTORS_PER_MAILBOX } from '@/lib/mailbox';
import type { VirtualClock } from './clock';
import type { SimDisk } from './disk';
import type { Range } from './options';
import type { Random } from './random';
import type { MailboxWriteMode, Stamp, Writer } from './types';

/** What to write, taken when the write starts. */
export interface WriteJob {
  /** the whole 4096-byte mailbox, checksum included */
  bytes: Uint8Array;
  what: 'mail' | 'clear';
  /** write the event block after the mailbox (not after start-up clears, as vdsm) */
  event: boolean;
  /** called when the mailbox's last byte has landed */
  done: (stamp: Stamp) => void;
}

// dd takes a few ms; the trace shows the event block ~2-3 ms after the mail.
const EVENT_AFTER_MAIL_MS = 2;

export interface MailboxWriterDeps {
  clock: VirtualClock;
  disk: SimDisk;
  random: Random;
  host: number;
  mode: MailboxWriteMode;
  sectorPauseMs: Range;
  render: () => WriteJob;
}

export class MailboxWriter {
  private busy = false;
  private dirty = false;
  private readonly by: Writer;

  constructor(private readonly deps: MailboxWriterDeps) {
    this.by = `hsm:${deps.host}`;
  }

  /** True while a mailbox or event write is under way. */
  get isBusy(): boolean {
    return this.busy;
  }

  /** The mailbox changed: write it now, or right after the write under way. */
  request(): void {
    if (this.busy) this.dirty = true;
    else this.start();
  }

  private start(): void {
    this.busy = true;
    this.dirty = false;
    const job = this.deps.render();
    if (this.deps.mode === 'whole') {
      this.finish(job, this.deps.disk.write('inbox', this.offset, job.bytes, this.by, job.what));
    } else {
      this.writeSector(job, 0, this.deps.disk.nextSeq);
    }
  }

  private get offset(): number {
    return this.deps.host * MAILBOX_SIZE_BYTES;
  }

  private writeSector(job: WriteJob, index: number, firstSeq: number): void {
    const { disk, clock, random, sectorPauseMs } = this.deps;
    const at = index * SECTOR_SIZE_BYTES;
    const seq = disk.write('inbox', this.offset + at, job.bytes.subarray(at, at + SECTOR_SIZE_BYTES), this.by, job.what,
      { index, count: SECTORS_PER_MAILBOX, firstSeq });
    if (index === SECTORS_PER_MAILBOX - 1) this.finish(job, seq);
    else clock.after(random.between(sectorPauseMs[0], sectorPauseMs[1]), () => this.writeSector(job, index + 1, firstSeq));
  }

  private finish(job: WriteJob, seq: number): void {
    job.done({ t: this.deps.clock.now, seq });
    if (!job.event) return this.settle();
    this.deps.clock.after(EVENT_AFTER_MAIL_MS, () => {
      this.deps.disk.write('inbox', 0, encodeEvent(this.deps.random.uuid()), this.by, 'event');
      this.settle();
    });
  }

  private settle(): void {
    this.busy = false;
    if (this.dirty) this.start();
  }
}
