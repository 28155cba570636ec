/**
 * The decode endpoint's answer (DecodeResponse) as JSON text in pieces, one
 * mailbox at a time, so that neither the decoded volume nor its JSON is ever
 * whole in memory. Noise (a mailbox whose slots mostly decode as nothing
 * valid) gets one finding for the mailbox instead of one per slot, so the
 * answer stays proportional to the input.
 */
import { DEFAULT_MAX_HOST_ID, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES } from '@/lib/mailbox/constants';
import { finding } from '@/lib/mailbox/findings';
import { decodeMailbox } from '@/lib/mailbox/mailbox';
import type { DecodedMailbox, Finding, VolumeKind } from '@/lib/mailbox/types';
import { decodeVolumeHead } from '@/lib/mailbox/volume';

/** More slot findings than this in one mailbox, and they are summarised as one. */
export const MAX_SLOT_FINDINGS_PER_MAILBOX = 4;
/** JSON text handed on per piece: small enough to keep memory flat, big enough to keep overhead low. */
const PIECE_CHARS = 256 * 1024;

function slotFindings(mailbox: DecodedMailbox): Finding[] {
  return mailbox.findings.filter((f) => f.slot !== undefined);
}

/** A mailbox's findings, with its slots' summarised when there are too many to be news. */
export function summariseFindings(mailbox: DecodedMailbox, offset: number): Finding[] {
  const perSlot = slotFindings(mailbox);
  if (perSlot.length <= MAX_SLOT_FINDINGS_PER_MAILBOX) return mailbox.findings;
  const counts = new Map<string, number>();
  for (const f of perSlot) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
  const tally = [...counts].map(([id, n]) => `${id} ×${n}`).join(', ');
  const slots = new Set(perSlot.map((f) => f.slot)).size;
  const summary = finding('mailbox.noise', { offset, length: MESSAGE_SLOTS_PER_MAILBOX * SLOT_SIZE_BYTES },
    `expected messages or empty slots, got ${slots} of ${MESSAGE_SLOTS_PER_MAILBOX} slots with findings (${tally}): noise, summarised for the mailbox`,
    { host: mailbox.host });
  return [...mailbox.findings.filter((f) => f.slot === undefined), summary];
}

function hostJson(mailbox: DecodedMailbox): string {
  return JSON.stringify({
    id: mailbox.host, state: mailbox.state, checksum: mailbox.checksum, spmReads: mailbox.spmReads,
    outsideWindow: mailbox.outsideWindow, slots: mailbox.slots,
  });
}

export function* decodeAnswerPieces(bytes: Uint8Array, kind: VolumeKind, maxHostId = DEFAULT_MAX_HOST_ID): Generator<string> {
  const { mailboxCount, warnings, event, findings } = decodeVolumeHead(bytes, kind);
  let piece = `{"kind":${JSON.stringify(kind)},"size":${bytes.length},"warnings":${JSON.stringify(warnings)},"event":${JSON.stringify(event)},"hosts":[`;
  const sums = new Uint32Array(64);
  for (let host = 1; host < mailboxCount; host++) {
    const offset = host * MAILBOX_SIZE_BYTES;
    const mailbox = decodeMailbox(bytes, offset, { kind, host, maxHostId }, sums);
    piece += (host > 1 ? ',' : '') + hostJson(mailbox);
    findings.push(...summariseFindings(mailbox, offset));
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  piece += '],"findings":[';
  for (let i = 0; i < findings.length; i++) {
    piece += (i > 0 ? ',' : '') + JSON.stringify(findings[i]);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield piece + ']}';
}
