/**
 * Pairs inbox slot (h, s) with outbox slot (h, s): the step of the request's
 * life that the two together show (FORMAT.md, "A request's life").
 */
import { EXTEND_FIELDS } from './fields';
import { samePrefix } from './slot';
import type { DecodedMailbox, DecodedSlot, LifecycleStep, SlotKind, SlotLifecycle } from './types';

// The HSM accepts a reply whose bytes 0..36 (version, opcode, domain, volume) equal its request's.
const MATCHED_BYTES = EXTEND_FIELDS.size.offset; // 37

export function lifecycleStep(inbox: DecodedSlot | undefined, outbox: DecodedSlot | undefined): LifecycleStep | null {
  const request: SlotKind = inbox?.kind ?? 'empty';
  const reply: SlotKind = outbox?.kind ?? 'empty';
  if (request === 'unknown' || reply === 'unknown') return 'unknown';
  switch (request) {
    case 'extend':
      if (reply !== 'extend') return 'requested'; // outbox empty, or a CLEAN left from an earlier request
      if (!samePrefix(inbox!, outbox!, MATCHED_BYTES)) return 'mismatched_reply';
      // Size 0 in a reply says the extend failed, unless size 0 was asked for: then it is only the echo.
      return outbox!.sizeMiB === 0 && inbox!.sizeMiB !== 0 ? 'failed' : 'replied';
    case 'clean':
      return reply === 'clean' ? 'spm_acked' : 'host_acked';
    case 'empty':
      return reply === 'empty' ? null : 'free';
  }
}

function byIndex(mailbox: DecodedMailbox | null | undefined): Map<number, DecodedSlot> {
  return new Map((mailbox?.slots ?? []).map((slot) => [slot.index, slot]));
}

/** The step of every slot that is not empty on both sides, in slot order. */
export function pairMailboxes(inbox: DecodedMailbox | null | undefined, outbox: DecodedMailbox | null | undefined): SlotLifecycle[] {
  const requests = byIndex(inbox);
  const replies = byIndex(outbox);
  const indexes = [...new Set([...requests.keys(), ...replies.keys()])].sort((a, b) => a - b);
  const steps: SlotLifecycle[] = [];
  for (const slot of indexes) {
    const step = lifecycleStep(requests.get(slot), replies.get(slot));
    if (step !== null) steps.push({ slot, step });
  }
  return steps;
}
