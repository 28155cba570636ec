/** Builds the snapshot JSON from a read's decoded volumes. Pure: no I/O, runs in the browser too. */
import { mailboxCrcs } from '@/lib/history/crcs';
import { mailboxesOf, pairMailboxes, type DecodedSlot, type DecodedVolume, type Finding, type InboxState, type OutboxState } from '@/lib/mailbox';
import type { PollRead, VolumeRead } from '@/lib/sources/read';
import type { DecodedRead, ReadRef } from '@/lib/sources/source-view';
import type { GridSlot, HostSnapshot, Snapshot, VolumeReadStatus } from './types';

export interface SnapshotInput {
  source: string;
  demo: boolean;
  pollMs: number;
  maxHostId: number;
  static: boolean;
  read: PollRead;
  inbox: DecodedVolume | null;
  outbox: DecodedVolume | null;
  lastGood?: DecodedRead['lastGood'];
}

function status(read: VolumeRead | null, lastGood: ReadRef | null | undefined): VolumeReadStatus | null {
  if (!read) return null;
  return {
    ...(read.error ? { lastGood: lastGood ? { seq: lastGood.seq, readAt: new Date(lastGood.readAt).toISOString() } : null } : {}),
    path: read.path,
    direct: read.direct,
    error: read.error,
    bytes: mailboxesOf(read)?.length ?? 0,
    readMs: read.readMs,
    lastOkAt: read.lastOkAt === null ? null : new Date(read.lastOkAt).toISOString(),
    warnings: read.warnings,
  };
}

/** crc-32 of each mailbox, from the poller, or computed for a read rebuilt from history. */
export function crcsOf(read: VolumeRead | null): Int32Array | null {
  if (read?.crcs) return read.crcs;
  const source = mailboxesOf(read);
  return source ? mailboxCrcs(source) : null;
}

/** The entry of host `id` (mailbox `id` of each volume); the crcs, when given, are the volumes' per-mailbox crc-32s. */
export function buildHost(id: number, inbox: DecodedVolume | null, outbox: DecodedVolume | null, inboxCrcs: Int32Array | null, outboxCrcs: Int32Array | null): HostSnapshot {
  const request = inbox?.hosts[id - 1];
  const reply = outbox?.hosts[id - 1];
  return {
    id,
    outsideWindow: (request ?? reply)!.outsideWindow,
    inbox: request
      ? {
        state: request.state as InboxState, checksum: request.checksum, spmReads: request.spmReads,
        ...(inboxCrcs ? { crc: inboxCrcs[id] >>> 0 } : {}), slots: request.slots,
      }
      : null,
    outbox: reply ? { state: reply.state as OutboxState, ...(outboxCrcs ? { crc: outboxCrcs[id] >>> 0 } : {}), slots: reply.slots } : null,
    lifecycle: pairMailboxes(request, reply),
  };
}

/** Per volume, its crc-32s when it was read (for the hosts' `crc`), else null. */
export function hostCrcs(inbox: DecodedVolume | null, outbox: DecodedVolume | null, read?: PollRead): [Int32Array | null, Int32Array | null] {
  return [read && inbox ? crcsOf(read.inbox) : null, read && outbox ? crcsOf(read.outbox) : null];
}

export function hostCount(inbox: DecodedVolume | null, outbox: DecodedVolume | null): number {
  return Math.max(inbox?.hosts.length ?? 0, outbox?.hosts.length ?? 0);
}

export function buildHosts(inbox: DecodedVolume | null, outbox: DecodedVolume | null, read?: PollRead): HostSnapshot[] {
  const count = hostCount(inbox, outbox);
  const [inboxCrcs, outboxCrcs] = hostCrcs(inbox, outbox, read);
  const hosts: HostSnapshot[] = new Array(count);
  for (let i = 0; i < count; i++) hosts[i] = buildHost(i + 1, inbox, outbox, inboxCrcs, outboxCrcs);
  return hosts;
}

function tagged(findings: readonly Finding[] | undefined, volume: 'inbox' | 'outbox'): Finding[] {
  return (findings ?? []).map((f) => ({ ...f, volume }));
}

/** The snapshot of a read; `hosts`: its host entries when the caller already has them (built with buildHosts). */
export function buildSnapshot(input: SnapshotInput, hosts?: HostSnapshot[]): Snapshot {
  const { read } = input;
  return {
    source: input.source,
    demo: input.demo,
    seq: read.seq,
    readAt: new Date(read.readAt).toISOString(),
    pollMs: input.pollMs,
    maxHostId: input.maxHostId,
    static: input.static,
    inbox: status(read.inbox, input.lastGood?.inbox),
    outbox: status(read.outbox, input.lastGood?.outbox),
    event: input.inbox?.event ?? null,
    hosts: hosts ?? buildHosts(input.inbox, input.outbox, read),
    findings: [...tagged(input.inbox?.findings, 'inbox'), ...tagged(input.outbox?.findings, 'outbox')],
  };
}

/**
 * A slot as the grid needs it: no hex, no findings (they stay in the snapshot's list), no UUIDs (a 2000-host
 * grid would carry 250,000 of them to draw cells).
 */
function gridSlot(slot: DecodedSlot): GridSlot {
  const lean: GridSlot = { index: slot.index, kind: slot.kind };
  if (slot.sizeMiB !== undefined) lean.sizeMiB = slot.sizeMiB;
  if (slot.reason !== undefined) lean.reason = slot.reason;
  return lean;
}

/** A host as `?view=grid` sends it. */
export function gridHost(h: HostSnapshot): HostSnapshot {
  return {
    ...h,
    inbox: h.inbox && { ...h.inbox, slots: h.inbox.slots.map(gridSlot) as unknown as DecodedSlot[] },
    outbox: h.outbox && { ...h.outbox, slots: h.outbox.slots.map(gridSlot) as unknown as DecodedSlot[] },
  };
}
