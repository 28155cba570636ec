/** A decoded slot as one line of text: tooltips, copy buttons, tickets. */
import { assertNever, type DecodedSlot, type LifecycleStep } from '@/lib/mailbox';
import { humanMiB } from '@/lib/format/units';
import { STEP_LOOKS } from './steps';

/** "128 MiB", "2 GiB (2048 MiB)", "0 MiB (extend failed)". */
export function sizeText(mib: number | null | undefined): string {
  if (mib === null || mib === undefined) return 'invalid size';
  if (mib === 0) return '0 MiB';
  return mib >= 1024 ? `${humanMiB(mib)} (${mib} MiB)` : `${mib} MiB`;
}

export function messageText(slot: DecodedSlot | undefined, request?: DecodedSlot): string {
  if (!slot) return 'empty';
  switch (slot.kind) {
    case 'empty': return 'empty (leftover bytes)';
    case 'clean': return 'CLEAN';
    case 'unknown': return `unknown: ${slot.reason ?? 'not a known message'}`;
    case 'extend': {
      const size = slot.sizeMiB === 0 ? '0 MiB (extend failed)' : sizeText(slot.sizeMiB);
      // The grid's view of a slot has no UUIDs: the host's detail shows them.
      if (slot.volume === undefined) return `xtnd ${size}`;
      const same = request?.kind === slot.kind && request.domain === slot.domain && request.volume === slot.volume;
      return same ? `xtnd ${size}, same domain and volume` : `xtnd ${size} domain ${slot.domain} volume ${slot.volume}`;
    }
    default: return assertNever(slot.kind, 'slot kind');
  }
}

export function stepText(step: LifecycleStep | null): string {
  return step ? `${STEP_LOOKS[step].glyph} ${STEP_LOOKS[step].word}` : 'empty';
}

export function slotLine(host: number, slot: number, step: LifecycleStep | null, inbox?: DecodedSlot, outbox?: DecodedSlot): string {
  const parts = [`host ${host} slot ${slot}`, stepText(step), `inbox: ${messageText(inbox)}`, `outbox: ${messageText(outbox, inbox)}`];
  const findings = [...(inbox?.findings ?? []), ...(outbox?.findings ?? [])];
  if (findings.length > 0) parts.push(`findings: ${findings.map((f) => `${f.id} (${f.message})`).join('; ')}`);
  return parts.join(' · ');
}
