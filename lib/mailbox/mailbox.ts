/** Decoding one 4096-byte host mailbox of the inbox or the outbox. */
import { CHECKSUM_OFFSET_BYTES, CHECKSUM_SIZE_BYTES, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, readWindowText, SLOT_SIZE_BYTES } from './constants';
import { storedChecksum, slotSums } from './checksum';
import { MAILBOX_FIELDS } from './fields';
import { finding } from './findings';
import { decodeSlot } from './slot';
import type { DecodedMailbox, DecodedSlot, Finding, InboxState, VolumeKind } from './types';

export interface MailboxContext {
  kind: VolumeKind;
  host: number;
  maxHostId: number;
}

const METADATA = MAILBOX_FIELDS.metadata;

/**
 * Decodes the mailbox starting at `offset` in `bytes`. `sums` is scratch space
 * (64 entries) so a volume decode allocates it once.
 */
export function decodeMailbox(
  bytes: Uint8Array, offset: number, ctx: MailboxContext, sums: Uint32Array = new Uint32Array(64),
): DecodedMailbox {
  const { kind, host, maxHostId } = ctx;
  slotSums(bytes, offset, sums);
  const slots: DecodedSlot[] = [];
  const findings: Finding[] = [];
  let spmReads = false;
  let computed = 0;
  for (let s = 0; s < MESSAGE_SLOTS_PER_MAILBOX; s++) {
    computed += sums[s];
    if (sums[s] === 0) continue; // all 64 bytes zero: empty, nothing to say
    const base = offset + s * SLOT_SIZE_BYTES;
    if (bytes[base] !== 0) spmReads = true;
    const slot = decodeSlot(bytes, base, s, host);
    slots.push(slot);
    if (slot.findings.length > 0) findings.push(...slot.findings);
  }
  computed = (computed + sums[63]) >>> 0;
  if (sums[63] !== 0) {
    findings.push(finding('mailbox.metadata.not-zero', { offset: offset + METADATA.offset, length: METADATA.length },
      `expected bytes ${METADATA.offset}..${CHECKSUM_OFFSET_BYTES - 1} to be 0, got bytes summing to ${sums[63]}`, { host }));
  }

  const outsideWindow = host >= maxHostId;
  if (outsideWindow && slots.length > 0) {
    findings.push(finding('mailbox.outside-window', { offset, length: MAILBOX_SIZE_BYTES },
      `expected no mail for host ${host} (${readWindowText(maxHostId)}), got ${slots.length} non-empty slots`, { host }));
  }

  if (kind === 'outbox') {
    const tail = storedChecksum(bytes, offset);
    if (tail !== 0) {
      findings.push(finding('mailbox.metadata.not-zero', { offset: offset + CHECKSUM_OFFSET_BYTES, length: CHECKSUM_SIZE_BYTES },
        `expected bytes 4092..4095 of an outbox mailbox (no checksum) to be 0, got ${tail}`, { host }));
    }
    const state = computed === 0 && tail === 0 ? 'empty' : 'in_use';
    return { host, offset, state, checksum: null, spmReads: false, outsideWindow, slots, findings };
  }

  const stored = storedChecksum(bytes, offset);
  const state = inboxState(stored, computed);
  const span = { offset: offset + CHECKSUM_OFFSET_BYTES, length: CHECKSUM_SIZE_BYTES };
  if (state === 'checksum_missing' || state === 'checksum_mismatch') {
    const id = !spmReads ? 'mailbox.checksum.stale-data' : state === 'checksum_missing' ? 'mailbox.checksum.missing' : 'mailbox.checksum.mismatch';
    findings.push(finding(id, span, `expected checksum ${computed} (sum of bytes 0..4091), got ${stored}`, { host }));
  }
  return { host, offset, state, checksum: { stored, computed }, spmReads, outsideWindow, slots, findings };
}

export function inboxState(stored: number, computed: number): InboxState {
  if (stored === computed) return computed === 0 ? 'empty' : 'valid';
  return stored === 0 ? 'checksum_missing' : 'checksum_mismatch';
}
