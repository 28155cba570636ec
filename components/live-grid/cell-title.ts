import type { HostSnapshot } from '@/lib/api/types';
import type { LifecycleStep } from '@/lib/mailbox';
import { messageText, stepText } from '@/components/vocabulary/slot-line';

/** The tooltip of a grid cell: what a person would ask about it first. */
export function cellTitle(host: HostSnapshot, slot: number, step: LifecycleStep): string {
  const inbox = host.inbox?.slots.find((s) => s.index === slot);
  const outbox = host.outbox?.slots.find((s) => s.index === slot);
  const lean = [inbox, outbox].some((s) => s?.kind === 'extend' && s.volume === undefined);
  return `host ${host.id} slot ${slot}: ${stepText(step)}\ninbox: ${messageText(inbox)}\noutbox: ${messageText(outbox, inbox)}` +
    (lean ? '\nclick: its domain, volume and bytes' : '');
}
