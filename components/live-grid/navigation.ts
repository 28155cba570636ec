/** Keyboard selection over the visible rows: a (host, slot) cursor. */
import { MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';

export interface Selection {
  host: number;
  slot: number | null;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

const LAST_SLOT = MESSAGE_SLOTS_PER_MAILBOX - 1;

/** `hosts` are the visible row ids in screen order. Returns null when nothing can be selected. */
export function moveSelection(hosts: readonly number[], current: Selection | null, move: Move): Selection | null {
  if (hosts.length === 0) return null;
  const at = current ? hosts.indexOf(current.host) : -1;
  if (at < 0) return { host: move === 'up' || move === 'end' ? hosts[hosts.length - 1] : hosts[0], slot: current?.slot ?? 0 };
  const slot = current!.slot ?? 0;
  switch (move) {
    case 'up': return { host: hosts[Math.max(0, at - 1)], slot };
    case 'down': return { host: hosts[Math.min(hosts.length - 1, at + 1)], slot };
    case 'left': return { host: hosts[at], slot: Math.max(0, slot - 1) };
    case 'right': return { host: hosts[at], slot: Math.min(LAST_SLOT, current!.slot === null ? 0 : slot + 1) };
    case 'home': return { host: hosts[at], slot: 0 };
    case 'end': return { host: hosts[at], slot: LAST_SLOT };
  }
}
