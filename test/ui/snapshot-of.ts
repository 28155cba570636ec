/** Snapshots for UI unit tests: encoder output decoded the way the server does it. */
import type { Snapshot } from '@/lib/api/types';
import { decodeVolume, encodeMailbox, encodeVolume, type Message } from '@/lib/mailbox';
import { buildHosts } from '@/lib/api/snapshot-json';

export interface PoolSpec {
  maxHostId?: number;
  inbox?: Record<number, Record<number, Message>>;
  outbox?: Record<number, Record<number, Message>>;
  /** host ids whose inbox checksum is zeroed after encoding: a torn write */
  torn?: number[];
  seq?: number;
}

export function volumesOf(spec: PoolSpec): { inbox: Uint8Array; outbox: Uint8Array } {
  const maxHostId = spec.maxHostId ?? 10;
  const inboxHosts = new Map<number, Uint8Array>();
  for (const [host, messages] of Object.entries(spec.inbox ?? {})) {
    const mailbox = encodeMailbox(messages);
    if (spec.torn?.includes(Number(host))) mailbox.fill(0, 4092);
    inboxHosts.set(Number(host), mailbox);
  }
  const outboxHosts = new Map<number, Uint8Array>();
  for (const [host, messages] of Object.entries(spec.outbox ?? {})) outboxHosts.set(Number(host), encodeMailbox(messages, { kind: 'outbox' }));
  return {
    inbox: encodeVolume({ mailboxes: maxHostId + 1, hosts: inboxHosts }),
    outbox: encodeVolume({ mailboxes: maxHostId + 1, hosts: outboxHosts }),
  };
}

/** As the browser gets it: through JSON, so slots are plain objects. */
export function snapshotOf(spec: PoolSpec): Snapshot {
  const maxHostId = spec.maxHostId ?? 10;
  const { inbox, outbox } = volumesOf(spec);
  const decodedIn = decodeVolume(inbox, 'inbox', { maxHostId });
  const decodedOut = decodeVolume(outbox, 'outbox', { maxHostId });
  const status = (path: string) => ({ path, direct: true, error: null, bytes: inbox.length, readMs: 0.2, lastOkAt: '2026-01-01T00:00:00.000Z', warnings: [] });
  const snapshot: Snapshot = {
    source: 'test', demo: false, seq: spec.seq ?? 1, readAt: '2026-01-01T00:00:00.000Z', pollMs: 500, maxHostId,
    inbox: status('/x/inbox'), outbox: status('/x/outbox'), event: decodedIn.event,
    hosts: buildHosts(decodedIn, decodedOut),
    findings: [...decodedIn.findings, ...decodedOut.findings],
  };
  return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}
