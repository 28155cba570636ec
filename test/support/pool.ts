/** Small pools on real files for integration tests, built with the encoders. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLEAN, encodeEvent, encodeMailbox, encodeVolume, extend, MAILBOX_SIZE_BYTES, type Message } from '@/lib/mailbox';

export const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
export const volumeUuid = (host: number, slot: number) =>
  `${host.toString(16).padStart(8, '0')}-${slot.toString(16).padStart(4, '0')}-4000-a000-000000000000`;
export const request = (host: number, slot: number, sizeMiB = 1024) => extend(DOMAIN, volumeUuid(host, slot), sizeMiB);

export interface TestPool {
  dir: string;
  inbox: string;
  outbox: string;
  /** writes one host's whole mailbox (4096 bytes) in place, as an HSM or the SPM does */
  writeMailbox(volume: 'inbox' | 'outbox', host: number, bytes: Uint8Array): Promise<void>;
  remove(): void;
}

export interface PoolSpec {
  mailboxes: number;
  inbox?: Record<number, Uint8Array>;
  outbox?: Record<number, Uint8Array>;
  event?: string;
}

/** A temp dir under os.tmpdir() (ext4 here, so reads really are O_DIRECT) with `inbox` and `outbox`. */
export function makePool(spec: PoolSpec): TestPool {
  const dir = mkdtempSync(path.join(tmpdir(), 'mailbox-test-'));
  const inbox = path.join(dir, 'inbox');
  const outbox = path.join(dir, 'outbox');
  writeFileSync(inbox, encodeVolume({ mailboxes: spec.mailboxes, hosts: spec.inbox, event: spec.event ? encodeEvent(spec.event) : undefined }));
  writeFileSync(outbox, encodeVolume({ mailboxes: spec.mailboxes, hosts: spec.outbox }));
  return {
    dir, inbox, outbox,
    async writeMailbox(volume, host, bytes) {
      const file = await open(volume === 'inbox' ? inbox : outbox, 'r+');
      try {
        await file.write(bytes, 0, bytes.length, host * MAILBOX_SIZE_BYTES);
      } finally {
        await file.close();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A mailbox whose checksum sector never landed: stored 0, data present. */
export function tornMailbox(messages: Record<number, Message>): Uint8Array {
  const bytes = encodeMailbox(messages);
  bytes.fill(0, MAILBOX_SIZE_BYTES - 4);
  return bytes;
}

export { CLEAN, encodeMailbox };
