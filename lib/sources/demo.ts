import 'server-only';
/**
 * The demo source, used when no MAILBOX_SOURCES is configured: a fixed
 * sample pool written with the encoders into a temporary directory and read
 * through the same reader and poller as a real pool.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CLEAN, encodeEvent, encodeMailbox, encodeVolume, extend, MAILBOX_SIZE_BYTES, type Message,
} from '@/lib/mailbox';
import type { SourceConfig } from './config';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';

function volumeId(host: number, slot: number): string {
  const h = host.toString(16).padStart(8, '0');
  const s = slot.toString(16).padStart(4, '0');
  return `${h}-${s}-4000-a000-${h}${s}`;
}

/** A small pool in mid-conversation: requests, replies, acks, a torn mailbox, mail outside the window. */
export function samplePool(maxHostId: number): { inbox: Uint8Array; outbox: Uint8Array } {
  const request = (host: number, slot: number, sizeMiB: number) => extend(DOMAIN, volumeId(host, slot), sizeMiB);
  const inboxHosts = new Map<number, Uint8Array>();
  const outboxHosts = new Map<number, Uint8Array>();
  const put = (host: number, inbox: Record<number, Message>, outbox: Record<number, Message>) => {
    if (host > maxHostId) return;
    inboxHosts.set(host, encodeMailbox(inbox));
    outboxHosts.set(host, encodeMailbox(outbox, { kind: 'outbox' }));
  };
  put(1, { 0: request(1, 0, 2048), 1: request(1, 1, 3072) }, { 0: request(1, 0, 2048) });
  put(2, { 0: CLEAN, 1: request(2, 1, 1536) }, { 0: request(2, 0, 1024), 1: request(2, 1, 0) });
  put(3, { 0: CLEAN }, { 0: CLEAN });
  put(5, {}, { 0: CLEAN, 1: CLEAN });
  put(7, { 1: request(7, 1, 100) }, {});
  put(maxHostId, { 0: request(maxHostId, 0, 4096) }, {});
  // Host 7 caught mid-write, as in bug 1426762: the data landed, the checksum sector did not.
  const torn = inboxHosts.get(7)!;
  torn.fill(0, MAILBOX_SIZE_BYTES - 4);
  const mailboxes = maxHostId + 1;
  return {
    inbox: encodeVolume({ mailboxes, event: encodeEvent('3f2504e0-4f89-41d3-9a0c-0305e82c3301'), hosts: inboxHosts }),
    outbox: encodeVolume({ mailboxes, hosts: outboxHosts }),
  };
}

export interface Demo {
  source: SourceConfig;
  stop(): Promise<void>;
}

export async function startDemo(maxHostId: number): Promise<Demo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mailbox-inspector-demo-'));
  const { inbox, outbox } = samplePool(maxHostId);
  writeFileSync(path.join(dir, 'inbox'), inbox);
  writeFileSync(path.join(dir, 'outbox'), outbox);
  const source: SourceConfig = {
    id: 'demo', name: 'demo (sample pool)', demo: true,
    inbox: path.join(dir, 'inbox'), outbox: path.join(dir, 'outbox'),
  };
  return { source, stop: async () => rmSync(dir, { recursive: true, force: true }) };
}
