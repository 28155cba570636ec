/**
 * A full pool on the work tree's disk for the scale benchmark: every
 * mailbox of the inbox holds 63 requests and every outbox mailbox their
 * replies. A writer rewrites a share of the mailboxes in place each tick,
 * as busy hosts and an SPM would; host 1 is left to the freshness probe.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CLEAN, encodeMailbox, encodeVolume, extend, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, type Message } from '@/lib/mailbox';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
/** the host whose slot 0 the freshness probe flips between replied and host-acked */
export const PROBE_HOST = 1;

const volumeId = (host: number, slot: number) =>
  `${host.toString(16).padStart(8, '0')}-${slot.toString(16).padStart(4, '0')}-4000-a000-000000000000`;

function messages(host: number, variant: number, skip: number | null = null): Map<number, Message> {
  const out = new Map<number, Message>();
  for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) {
    if (slot === skip) out.set(slot, CLEAN);
    else out.set(slot, extend(DOMAIN, volumeId(host, slot), 1024 + slot * 128 + variant));
  }
  return out;
}

export interface ScalePool {
  dir: string;
  hosts: number;
  /** rewrites `share` of the inbox and of the outbox mailboxes (never the probe host's), each with new sizes */
  churn(share: number): void;
  /** flips the probe host's slot 0: true = CLEAN (host ack), false = the request again (replied) */
  probe(acked: boolean): void;
  remove(): void;
}

/**
 * Which mailboxes a tick rewrites: `sweep` walks the hosts in order, so the rows on a screen are rewritten
 * together, in about one tick of five at 10% (the page's worst case); `random` picks them anew each tick,
 * as independent hosts would, so each tick touches a few rows of any screen.
 */
export type ChurnOrder = 'sweep' | 'random';

/** Builds the volumes of `hosts` hosts (mailboxes 0..hosts, as the server reads maxHostId + 1) under `root`. */
export function makeScalePool(root: string, hosts: number, order: ChurnOrder = 'sweep'): ScalePool {
  const dir = mkdtempSync(path.join(root, '.bench-scale-'));
  const mailboxes = hosts + 1;
  const variants = (kind: 'inbox' | 'outbox') => [0, 1].map((v) => {
    const all: Uint8Array[] = [];
    for (let host = 0; host < mailboxes; host++) all.push(host === 0 ? new Uint8Array(MAILBOX_SIZE_BYTES) : encodeMailbox(messages(host, v), { kind }));
    return all;
  });
  const inbox = variants('inbox');
  const outbox = variants('outbox');
  const volume = (boxes: Uint8Array[]) => encodeVolume({ mailboxes, hosts: new Map(boxes.map((b, h) => [h, b] as const).filter(([h]) => h > 0)) });
  writeFileSync(path.join(dir, 'inbox'), volume(inbox[0]));
  writeFileSync(path.join(dir, 'outbox'), volume(outbox[0]));
  const fds = { inbox: openSync(path.join(dir, 'inbox'), 'r+'), outbox: openSync(path.join(dir, 'outbox'), 'r+') };
  const shown = { inbox: new Uint8Array(mailboxes), outbox: new Uint8Array(mailboxes) };
  const probeBytes = [encodeMailbox(messages(PROBE_HOST, 0)), encodeMailbox(messages(PROBE_HOST, 0, 0))];
  let next = 2;

  return {
    dir, hosts,
    churn(share) {
      const count = Math.round(hosts * share);
      for (const [kind, boxes] of [['inbox', inbox], ['outbox', outbox]] as const) {
        const picked = order === 'random' ? randomHosts(count, hosts) : null;
        for (let i = 0; i < count; i++) {
          const host = picked ? picked[i] : (next = next >= hosts ? 2 : next + 1); // host 1 is the probe's
          shown[kind][host] ^= 1;
          writeSync(fds[kind], boxes[shown[kind][host]][host], 0, MAILBOX_SIZE_BYTES, host * MAILBOX_SIZE_BYTES);
        }
        // vdsm writes with O_DIRECT: flush here, so the server's direct reads do not pay our page cache's writeback
        fdatasyncSync(fds[kind]);
      }
    },
    probe(acked) {
      writeSync(fds.inbox, probeBytes[acked ? 1 : 0], 0, MAILBOX_SIZE_BYTES, PROBE_HOST * MAILBOX_SIZE_BYTES);
      fdatasyncSync(fds.inbox);
    },
    remove() {
      closeSync(fds.inbox);
      closeSync(fds.outbox);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `count` distinct hosts of 2..hosts (host 1 is the probe's), at random. */
function randomHosts(count: number, hosts: number): number[] {
  const all = Array.from({ length: hosts - 1 }, (_, i) => i + 2);
  for (let i = 0; i < Math.min(count, all.length); i++) {
    const j = i + Math.floor(Math.random() * (all.length - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count);
}
