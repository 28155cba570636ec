/**
 * The detail's data: a host's two mailboxes as bytes (from base64), decoded
 * in the browser with the format library, paired slot by slot.
 */
import type { HostSnapshot, MailboxResponse } from '@/lib/api/types';
import { decodeMailbox, MAILBOX_SIZE_BYTES, pairMailboxes, type DecodedMailbox, type DecodedSlot, type InboxState, type LifecycleStep, type OutboxState } from '@/lib/mailbox';

export interface DetailSlot {
  index: number;
  step: LifecycleStep | null;
  inbox?: DecodedSlot;
  outbox?: DecodedSlot;
}

export interface HostDetailData {
  host: number;
  seq: number;
  readAt: string;
  inbox: Uint8Array | null;
  outbox: Uint8Array | null;
  previous: { seq: number; readAt: string; inbox: Uint8Array | null; outbox: Uint8Array | null } | null;
  decodedInbox: DecodedMailbox | null;
  decodedOutbox: DecodedMailbox | null;
  /** every slot non-empty on either side, in order */
  slots: DetailSlot[];
}

export function fromBase64(text: string | null): Uint8Array | null {
  if (text === null) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.length === MAILBOX_SIZE_BYTES ? bytes : null;
}

export function decodeDetail(response: MailboxResponse, maxHostId: number): HostDetailData {
  const { host, current, previous } = response;
  const inbox = fromBase64(current.inbox);
  const outbox = fromBase64(current.outbox);
  const decodedInbox = inbox ? decodeMailbox(inbox, 0, { kind: 'inbox', host, maxHostId }) : null;
  const decodedOutbox = outbox ? decodeMailbox(outbox, 0, { kind: 'outbox', host, maxHostId }) : null;
  const steps = new Map(pairMailboxes(decodedInbox, decodedOutbox).map((l) => [l.slot, l.step]));
  const requests = new Map(decodedInbox?.slots.map((s) => [s.index, s]));
  const replies = new Map(decodedOutbox?.slots.map((s) => [s.index, s]));
  const indexes = [...new Set([...requests.keys(), ...replies.keys()])].sort((a, b) => a - b);
  return {
    host,
    seq: current.seq,
    readAt: current.readAt,
    inbox,
    outbox,
    previous: previous
      ? { seq: previous.seq, readAt: previous.readAt, inbox: fromBase64(previous.inbox), outbox: fromBase64(previous.outbox) }
      : null,
    decodedInbox,
    decodedOutbox,
    slots: indexes.map((index) => ({ index, step: steps.get(index) ?? null, inbox: requests.get(index), outbox: replies.get(index) })),
  };
}

/** The detail's read in the snapshot's shape, so the grid's badges describe it the same way. */
export function hostSnapshotOf(data: HostDetailData, maxHostId: number): HostSnapshot {
  const { decodedInbox: inbox, decodedOutbox: outbox } = data;
  return {
    id: data.host,
    outsideWindow: data.host >= maxHostId,
    inbox: inbox ? { state: inbox.state as InboxState, checksum: inbox.checksum, spmReads: inbox.spmReads, slots: inbox.slots } : null,
    outbox: outbox ? { state: outbox.state as OutboxState, slots: outbox.slots } : null,
    lifecycle: data.slots.flatMap((s) => (s.step ? [{ slot: s.index, step: s.step }] : [])),
  };
}
