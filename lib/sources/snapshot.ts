/** Builds the snapshot JSON from a poll's decoded volumes. Pure: no I/O. */
import type { HostSnapshot, Snapshot, VolumeReadStatus } from '@/lib/api/types';
import { pairMailboxes, type DecodedVolume, type Finding, type InboxState, type OutboxState } from '@/lib/mailbox';
import type { PollRead, VolumeRead } from './poller';

export interface SnapshotInput {
  source: string;
  demo: boolean;
  pollMs: number;
  maxHostId: number;
  read: PollRead;
  inbox: DecodedVolume | null;
  outbox: DecodedVolume | null;
}

function status(read: VolumeRead | null): VolumeReadStatus | null {
  if (!read) return null;
  return {
    path: read.path,
    direct: read.direct,
    error: read.error,
    bytes: read.bytes?.length ?? 0,
    readMs: read.readMs,
    lastOkAt: read.lastOkAt === null ? null : new Date(read.lastOkAt).toISOString(),
    warnings: read.warnings,
  };
}

export function buildHosts(inbox: DecodedVolume | null, outbox: DecodedVolume | null): HostSnapshot[] {
  const count = Math.max(inbox?.hosts.length ?? 0, outbox?.hosts.length ?? 0);
  const hosts: HostSnapshot[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const request = inbox?.hosts[i];
    const reply = outbox?.hosts[i];
    hosts[i] = {
      id: i + 1,
      outsideWindow: (request ?? reply)!.outsideWindow,
      inbox: request
        ? { state: request.state as InboxState, checksum: request.checksum, spmReads: request.spmReads, slots: request.slots }
        : null,
      outbox: reply ? { state: reply.state as OutboxState, slots: reply.slots } : null,
      lifecycle: pairMailboxes(request, reply),
    };
  }
  return hosts;
}

function tagged(findings: readonly Finding[] | undefined, volume: 'inbox' | 'outbox'): Finding[] {
  return (findings ?? []).map((f) => ({ ...f, volume }));
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const { read } = input;
  return {
    source: input.source,
    demo: input.demo,
    seq: read.seq,
    readAt: new Date(read.readAt).toISOString(),
    pollMs: input.pollMs,
    maxHostId: input.maxHostId,
    inbox: status(read.inbox),
    outbox: status(read.outbox),
    event: input.inbox?.event ?? null,
    hosts: buildHosts(input.inbox, input.outbox),
    findings: [...tagged(input.inbox?.findings, 'inbox'), ...tagged(input.outbox?.findings, 'outbox')],
  };
}
