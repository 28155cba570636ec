/**
 * Pairs inbox slot (h, s) with outbox slot (h, s): the step of the request's
 * life that the two together show (docs/format.md, "A request's life").
 */
import { EXTEND_FIELDS } from './fields';
import { samePrefix } from './slot';
import { assertNever } from './slot-kind';
import type { DecodedMailbox, DecodedSlot, LifecycleStep, SlotKind, SlotLifecycle } from './types';

// The HSM accepts a reply whose bytes 0..36 (version, opcode, domain, volume) equal its request's.
const MATCHED_BYTES = EXTEND_FIELDS.size.offset; // 37

export function lifecycleStep(inbox: DecodedSlot | undefined, outbox: DecodedSlot | undefined): LifecycleStep | null {
  const request: SlotKind = inbox?.kind ?? 'empty';
  const reply: SlotKind = outbox?.kind ?? 'empty';
  if (request === 'unknown' || reply === 'unknown') return 'unknown';
  switch (request) {
    case 'extend':
      if (reply !== request) return 'requested'; // outbox empty, or a CLEAN left from an earlier request
      if (!samePrefix(inbox!, outbox!, MATCHED_BYTES)) return 'mismatched_reply';
      // Size 0 in a reply says the extend failed, unless size 0 was asked for: then it is only the echo.
      return outbox!.sizeMiB === 0 && inbox!.sizeMiB !== 0 ? 'failed' : 'replied';
    case 'clean':
      return reply === 'clean' ? 'spm_acked' : 'host_acked';
    case 'empty':
      return reply === 'empty' ? null : 'free';
    default:
      return assertNever(request, 'slot kind');
  }
}

const NO_SLOTS: readonly DecodedSlot[] = [];

/** A mailbox's slots in slot order: as decoded; sorted when given otherwise. */
function inSlotOrder(mailbox: DecodedMailbox | null | undefined): readonly DecodedSlot[] {
  const slots = mailbox?.slots ?? NO_SLOTS;
  for (let i = 1; i < slots.length; i++) if (slots[i - 1].index >= slots[i].index) return [...slots].sort((a, b) => a.index - b.index);
  return slots;
}

/**
 * The step of every slot that is not empty on both sides, in slot order: one walk down both mailboxes'
 * slots (a busy 2000-host pool pairs hundreds of mailboxes a read).
 */
export function pairMailboxes(inbox: DecodedMailbox | null | undefined, outbox: DecodedMailbox | null | undefined): SlotLifecycle[] {
  const requests = inSlotOrder(inbox);
  const replies = inSlotOrder(outbox);
  const steps: SlotLifecycle[] = [];
  let i = 0;
  let j = 0;
  while (i < requests.length || j < replies.length) {
    const request = requests[i];
    const reply = replies[j];
    const slot = Math.min(request?.index ?? Infinity, reply?.index ?? Infinity);
    const here = request?.index === slot ? request : undefined;
    const there = reply?.index === slot ? reply : undefined;
    if (here) i++;
    if (there) j++;
    const step = lifecycleStep(here, there);
    if (step !== null) steps.push({ slot, step });
  }
  return steps;
}
