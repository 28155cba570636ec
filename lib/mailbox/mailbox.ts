/** Decoding one 4096-byte host mailbox of the inbox or the outbox. */
import { MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, readWindowText, SLOT_SIZE_BYTES, SLOTS_PER_MAILBOX } from './constants';
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

const { metadata: METADATA, checksum: CHECKSUM } = MAILBOX_FIELDS;
/** Slot 63, after the message slots: its sum covers the metadata, not the checksum. */
const METADATA_SLOT = MESSAGE_SLOTS_PER_MAILBOX;
const CHECKSUM_BYTES = `${CHECKSUM.offset}..${CHECKSUM.offset + CHECKSUM.length - 1}`;
const SUMMED_BYTES = `0..${CHECKSUM.offset - 1}`;

/**
 * Decodes the mailbox starting at `offset` in `bytes`. `sums` is scratch space
 * (64 entries) so a volume decode allocates it once.
 */
export function decodeMailbox(
  bytes: Uint8Array, offset: number, ctx: MailboxContext, sums: Uint32Array = new Uint32Array(SLOTS_PER_MAILBOX),
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
  computed = (computed + sums[METADATA_SLOT]) >>> 0;
  if (sums[METADATA_SLOT] !== 0) {
    findings.push(finding('mailbox.metadata.not-zero', { offset: offset + METADATA.offset, length: METADATA.length },
      `expected bytes ${METADATA.offset}..${METADATA.offset + METADATA.length - 1} to be 0, got bytes summing to ${sums[METADATA_SLOT]}`, { host }));
  }

  const outsideWindow = host >= maxHostId;
  if (outsideWindow && slots.length > 0) {
    findings.push(finding('mailbox.outside-window', { offset, length: MAILBOX_SIZE_BYTES },
      `expected no mail for host ${host} (${readWindowText(maxHostId)}), got ${slots.length} non-empty slots`, { host }));
  }

  if (kind === 'outbox') {
    const tail = storedChecksum(bytes, offset);
    if (tail !== 0) {
      findings.push(finding('mailbox.metadata.not-zero', { offset: offset + CHECKSUM.offset, length: CHECKSUM.length },
        `expected bytes ${CHECKSUM_BYTES} of an outbox mailbox (no checksum) to be 0, got ${tail}`, { host }));
    }
    const state = computed === 0 && tail === 0 ? 'empty' : 'in_use';
    return { host, offset, state, checksum: null, spmReads: false, outsideWindow, slots, findings };
  }

  const stored = storedChecksum(bytes, offset);
  const state = inboxState(stored, computed);
  const span = { offset: offset + CHECKSUM.offset, length: CHECKSUM.length };
  if (state === 'checksum_missing' || state === 'checksum_mismatch') {
    const id = !spmReads ? 'mailbox.checksum.stale-data' : state === 'checksum_missing' ? 'mailbox.checksum.missing' : 'mailbox.checksum.mismatch';
    findings.push(finding(id, span, `expected checksum ${computed} (sum of bytes ${SUMMED_BYTES}), got ${stored}`, { host }));
  }
  return { host, offset, state, checksum: { stored, computed }, spmReads, outsideWindow, slots, findings };
}

export function inboxState(stored: number, computed: number): InboxState {
  if (stored === computed) return computed === 0 ? 'empty' : 'valid';
  return stored === 0 ? 'checksum_missing' : 'checksum_mismatch';
}
