/**
 * The SPM: reads the whole inbox window in one read when the event block
 * changes or the poll interval is up, drops mailboxes whose checksum fails
 * (remembering them as empty, so their mail counts as new next time), acts
 * on slots whose 64 bytes changed, extends after a delay and replies, and
 * acknowledges CLEAN messages by rewriting its whole outbox.
 */
import {
  CLEAN, CLEAN_BYTE, EXTEND_FIELDS, EXTEND_OPCODE, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES,
  checksum, decodeEvent, extend, storedChecksum, toHex, writeMessage,
} from '@/lib/mailbox';
import type { VirtualClock } from './clock';
import type { SimDisk } from './disk';
import type { SimLog } from './log';
import type { SimulationConfig } from './options';
import type { Random } from './random';
import type { SpmRead } from './types';

export interface SpmContext {
  clock: VirtualClock;
  disk: SimDisk;
  log: SimLog;
  random: Random;
  config: SimulationConfig;
}

const XTND = [...EXTEND_OPCODE].map((c) => c.charCodeAt(0));
const OPCODE_OFFSET = EXTEND_FIELDS.opcode.offset;

function sameBytes(a: Uint8Array, b: Uint8Array, offset: number, length: number): boolean {
  for (let i = offset; i < offset + length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class Spm {
  private readonly windowBytes: number;
  /** the previous read, failed mailboxes zeroed: what "changed" is measured against */
  private seen: Uint8Array;
  /** each mailbox as last accepted (never a failed one): what a reply must still answer */
  private lastGood: Uint8Array;
  /** the outbox window as the SPM keeps it in memory and writes it */
  private outgoing: Uint8Array;
  private lastEvent: string | null = null;
  private lastReadAt = -Infinity;
  /** msgId → hex of the request being extended, so one request is extended once */
  private extending = new Map<number, string>();
  /** msgId → the last request extended there and whether it failed */
  private outcomes = new Map<number, { hex: string; fails: boolean }>();

  constructor(private readonly ctx: SpmContext) {
    this.windowBytes = ctx.config.maxHostId * MAILBOX_SIZE_BYTES;
    this.seen = new Uint8Array(this.windowBytes);
    this.lastGood = new Uint8Array(this.windowBytes);
    this.outgoing = new Uint8Array(this.windowBytes);
  }

  start(): void {
    const { clock, disk } = this.ctx;
    // vdsm's SPM zeroes its outbox window when its monitor starts.
    clock.after(0, () => disk.write('outbox', 0, this.outgoing, 'spm', 'clear'));
    clock.after(this.ctx.config.spmEventCheckMs, () => this.tick());
  }

  private tick(): void {
    const { clock, disk, config } = this.ctx;
    const uuid = decodeEvent(disk.inbox, 0).event.uuid;
    const woken = uuid !== this.lastEvent;
    this.lastEvent = uuid;
    if (woken || clock.now - this.lastReadAt >= config.spmPollMs) this.read(woken ? 'event' : 'poll');
    clock.after(config.spmEventCheckMs, () => this.tick());
  }

  private read(reason: SpmRead['reason']): void {
    const { clock, disk, log, config } = this.ctx;
    this.lastReadAt = clock.now;
    const inbox = disk.inbox.slice(0, this.windowBytes); // one read of the whole window
    const read: SpmRead = { t: clock.now, afterSeq: disk.nextSeq, reason, failed: [], requests: [], cleans: [] };
    // Mailbox 0 is the event block: its first byte is 0, so the scan below would skip it anyway.
    for (let host = 1; host < config.maxHostId; host++) {
      const base = host * MAILBOX_SIZE_BYTES;
      if (sameBytes(inbox, this.seen, base, MAILBOX_SIZE_BYTES)) continue;
      if (this.hasMail(inbox, base) && checksum(inbox, base) !== storedChecksum(inbox, base)) {
        read.failed.push(host);
        this.seen.fill(0, base, base + MAILBOX_SIZE_BYTES);
        continue;
      }
      for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) {
        const at = base + slot * SLOT_SIZE_BYTES;
        if (sameBytes(inbox, this.seen, at, SLOT_SIZE_BYTES)) continue;
        if (inbox[at] === CLEAN_BYTE) {
          writeMessage(this.outgoing, at, CLEAN);
          read.cleans.push({ host, slot });
        } else if (inbox[at] !== 0 && XTND.every((b, i) => inbox[at + OPCODE_OFFSET + i] === b)) {
          read.requests.push({ host, slot });
          this.extend(host, slot, inbox.slice(at, at + SLOT_SIZE_BYTES), read);
        }
        // Anything else is an unknown message: vdsm logs it and moves on.
      }
      this.seen.set(inbox.subarray(base, base + MAILBOX_SIZE_BYTES), base);
      this.lastGood.set(inbox.subarray(base, base + MAILBOX_SIZE_BYTES), base);
    }
    if (read.cleans.length > 0) {
      const seq = disk.write('outbox', 0, this.outgoing, 'spm', 'outbox');
      for (const { host, slot } of read.cleans) log.spmAck(host, slot, { t: clock.now, seq });
    }
    log.read(read);
  }

  /** The SPM validates a mailbox only if some slot's first byte is non-zero. */
  private hasMail(inbox: Uint8Array, base: number): boolean {
    for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) if (inbox[base + slot * SLOT_SIZE_BYTES] !== 0) return true;
    return false;
  }

  private extend(host: number, slot: number, request: Uint8Array, read: SpmRead): void {
    const { clock, random, config } = this.ctx;
    const msgId = host * 64 + slot;
    const hex = toHex(request);
    if (this.extending.get(msgId) === hex) return;
    this.extending.set(msgId, hex);
    // A request seen again (its mailbox failed a checksum in between) gets the same answer:
    // the volume was already extended, or the failure has not gone away.
    const known = this.outcomes.get(msgId);
    const fails = known?.hex === hex ? known.fails : random.chance(config.failRate);
    this.outcomes.set(msgId, { hex, fails });
    clock.after(random.between(...config.extendDelayMs), () => {
      if (this.extending.get(msgId) === hex) this.extending.delete(msgId);
      this.reply(host, slot, request, fails, { t: read.t, afterSeq: read.afterSeq });
    });
  }

  private reply(host: number, slot: number, request: Uint8Array, fails: boolean, read: { t: number; afterSeq: number }): void {
    const { clock, disk, log, random, config } = this.ctx;
    const base = host * MAILBOX_SIZE_BYTES;
    const at = base + slot * SLOT_SIZE_BYTES;
    // Answer only what is still asked: if the host has moved the slot on (CLEAN, freed, a new
    // request), a late reply would overwrite an acknowledgement and stall the handshake.
    if (!request.every((b, i) => this.lastGood[at + i] === b)) return;
    const { domain, volume, size } = EXTEND_FIELDS;
    const domainId = domain.codec.read(request, domain.offset, domain.length);
    const volumeId = volume.codec.read(request, volume.offset, volume.length);
    const asked = size.codec.read(request, size.offset, size.length);
    const sizeMiB = fails || asked === null ? 0 : asked;
    writeMessage(this.outgoing, at, extend(domainId, volumeId, sizeMiB));
    const seq = random.chance(config.wholeOutboxReplyRate)
      ? disk.write('outbox', 0, this.outgoing, 'spm', 'outbox')
      : disk.write('outbox', base, this.outgoing.subarray(base, base + MAILBOX_SIZE_BYTES), 'spm', 'reply');
    log.reply(host, slot, domainId, volumeId, { t: clock.now, seq, sizeMiB, read });
  }
}
