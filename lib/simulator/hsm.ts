/**
 * One HSM host: sends extend requests for its VMs' thin disks, watches its
 * outbox mailbox for the SPM's replies, and walks each slot through the
 * handshake (request → CLEAN → free), as docs/format.md "A request's life".
 */
import {
  CLEAN, CLEAN_BYTE, EXTEND_FIELDS, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES,
  encodeMailbox, encodeMessage, extend, type Message,
} from '@/lib/mailbox';
import type { VirtualClock } from './clock';
import type { SimDisk } from './disk';
import type { SimLog } from './log';
import { MailboxWriter, type WriteJob } from './mailbox-writer';
import type { SimulationConfig } from './options';
import type { Random } from './random';
import type { HostRole, RequestRecord, Stamp } from './types';
import { VmDisks, type VmDisk } from './vm-disks';

export interface HsmContext {
  clock: VirtualClock;
  disk: SimDisk;
  log: SimLog;
  random: Random;
  config: SimulationConfig;
  role: HostRole;
}

/** queued/acking/freeing: decided, not yet on the file; sent/acked: on the file. */
type Phase = 'queued' | 'sent' | 'acking' | 'acked' | 'freeing';

interface Active {
  record: RequestRecord;
  vmDisk: VmDisk;
  phase: Phase;
  /** when the request last reached the file (first send or resend) */
  lastSentAt: number;
}

// The HSM accepts a reply whose version, opcode, domain and volume equal its request's.
const MATCHED_BYTES = EXTEND_FIELDS.size.offset; // 37

export class Hsm {
  /** what this host wants its mailbox to hold: slot → message */
  private outgoing = new Map<number, Message>();
  private active = new Map<number, Active>();
  /** steps to record once the next mailbox write lands */
  private marks: Array<(stamp: Stamp) => void> = [];
  private starting = true;
  private readonly writer: MailboxWriter;
  private readonly vmDisks: VmDisks;

  constructor(private readonly ctx: HsmContext) {
    const { clock, disk, random, config, role } = ctx;
    this.writer = new MailboxWriter({
      clock, disk, random, host: role.host, mode: role.writes, sectorPauseMs: config.sectorPauseMs, render: () => this.render(),
    });
    this.vmDisks = new VmDisks(random, config.domainIds);
  }

  start(): void {
    const { clock, random, config, role } = this.ctx;
    // vdsm's HSM zeroes its mailbox when its monitor starts.
    clock.after(random.between(0, 20), () => this.writer.request());
    clock.after(random.exponential(role.requestIntervalMs), () => this.requestTick());
    const pollPhase = random.between(0, config.hsmPollMs);
    clock.after(pollPhase, () => this.pollTick());
    if (role.corrupts) clock.after(random.between(...config.corruptEveryMs), () => this.corrupt());
  }

  private render(): WriteJob {
    const marks = this.marks;
    this.marks = [];
    // The start-up clear is an empty mailbox and no event; a request queued first makes it ordinary mail.
    const clear = this.starting && this.outgoing.size === 0;
    this.starting = false;
    return {
      bytes: encodeMailbox(this.outgoing),
      what: clear ? 'clear' : 'mail',
      event: !clear,
      done: (stamp) => marks.forEach((mark) => mark(stamp)),
    };
  }

  private requestTick(): void {
    this.sendRequest();
    this.ctx.clock.after(this.ctx.random.exponential(this.ctx.role.requestIntervalMs), () => this.requestTick());
  }

  private sendRequest(): void {
    const { clock, log, random, config, role } = this.ctx;
    if (this.active.size >= config.maxInFlight) return;
    const slot = this.freeSlot();
    const vmDisk = this.vmDisks.pickIdle();
    if (slot === null || vmDisk === null) return;
    const sizeMiB = vmDisk.sizeMiB + 128 * random.int(1, 8);
    vmDisk.extending = true;
    const record = log.openRequest({
      host: role.host, slot, domain: vmDisk.domain, volume: vmDisk.volume, sizeMiB, outsideWindow: role.outsideWindow, queuedAt: clock.now,
    });
    const entry: Active = { record, vmDisk, phase: 'queued', lastSentAt: clock.now };
    this.active.set(slot, entry);
    this.outgoing.set(slot, extend(vmDisk.domain, vmDisk.volume, sizeMiB));
    this.marks.push((stamp) => {
      record.request = stamp;
      entry.phase = 'sent';
      entry.lastSentAt = stamp.t;
    });
    this.writer.request();
  }

  /** The lowest slot holding nothing and not being freed. */
  private freeSlot(): number | null {
    for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) {
      if (!this.outgoing.has(slot) && !this.active.has(slot)) return slot;
    }
    return null;
  }

  private pollTick(): void {
    // vdsm's HSM reads and writes from one thread: while a write is under way it does not poll.
    if (!this.writer.isBusy) this.poll();
    this.ctx.clock.after(this.ctx.config.hsmPollMs, () => this.pollTick());
  }

  /** Reads this host's outbox mailbox (one 4096-byte read) and moves each slot on. */
  private poll(): void {
    const { clock, disk, config, role } = this.ctx;
    const base = role.host * MAILBOX_SIZE_BYTES;
    const mailbox = disk.outbox.slice(base, base + MAILBOX_SIZE_BYTES);
    let changed = false;
    for (const [slot, entry] of this.active) {
      const at = slot * SLOT_SIZE_BYTES;
      if (entry.phase === 'sent') {
        const size = this.matchingReply(mailbox, at, entry.record);
        if (size !== null) {
          this.acknowledge(slot, entry, size);
          changed = true;
        } else if (clock.now - entry.record.request!.t >= config.giveUpAfterMs) {
          this.free(slot, entry, (record, stamp) => { record.abandoned = stamp; });
          changed = true;
        } else if (clock.now - entry.lastSentAt >= config.resendAfterMs) {
          // No reply yet: write the same mailbox again (this also heals a corrupted one).
          entry.record.resends++;
          entry.lastSentAt = clock.now;
          changed = true;
        }
      } else if (entry.phase === 'acked' && mailbox[at] === CLEAN_BYTE) {
        this.free(slot, entry, (record, stamp) => { record.freed = stamp; });
        changed = true;
      }
    }
    if (changed) this.writer.request();
  }

  /** The reply's size if outbox slot `at` answers `record`, else null. */
  private matchingReply(mailbox: Uint8Array, at: number, record: RequestRecord): number | null {
    const request = encodeMessage(extend(record.domain, record.volume, record.sizeMiB));
    for (let i = 0; i < MATCHED_BYTES; i++) if (mailbox[at + i] !== request[i]) return null;
    const size = EXTEND_FIELDS.size;
    return size.codec.read(mailbox, at + size.offset, size.length) ?? 0;
  }

  private acknowledge(slot: number, entry: Active, sizeMiB: number): void {
    if (sizeMiB > 0) entry.vmDisk.sizeMiB = sizeMiB;
    entry.vmDisk.extending = false;
    entry.phase = 'acking';
    this.outgoing.set(slot, CLEAN);
    this.marks.push((stamp) => {
      entry.record.hostAck = stamp;
      entry.phase = 'acked';
    });
  }

  private free(slot: number, entry: Active, stampIt: (record: RequestRecord, stamp: Stamp) => void): void {
    entry.vmDisk.extending = false;
    entry.phase = 'freeing';
    this.outgoing.delete(slot);
    this.marks.push((stamp) => {
      stampIt(entry.record, stamp);
      this.active.delete(slot);
      this.ctx.log.closeRequest(entry.record);
    });
  }

  /** Storage changes one byte of a slot in use: a checksum mismatch that is not a tear. */
  private corrupt(): void {
    const { clock, disk, log, random, config, role } = this.ctx;
    const slots = [...this.outgoing.keys()];
    if (this.writer.isBusy || slots.length === 0) {
      clock.after(500, () => this.corrupt()); // wait for a settled mailbox with mail in it
      return;
    }
    const offset = role.host * MAILBOX_SIZE_BYTES + random.pick(slots) * SLOT_SIZE_BYTES + random.int(1, SLOT_SIZE_BYTES - 1);
    const before = disk.inbox[offset];
    const after = before ^ random.int(1, 255);
    const seq = disk.write('inbox', offset, Uint8Array.of(after), 'fault', 'corrupt');
    log.corruption({ t: clock.now, seq, host: role.host, offset, before, after });
    clock.after(random.between(...config.corruptEveryMs), () => this.corrupt());
  }
}
