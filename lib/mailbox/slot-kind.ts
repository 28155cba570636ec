/**
 * Decisions that depend on a slot's kind, made exhaustive: each is a switch
 * ending in `assertNever` or a `Record<SlotKind, …>`, so a message type added
 * to the field table (MESSAGE_TYPES) makes the compiler list every place
 * that must say what to do with it.
 */
import type { DecodedSlot, SlotKind } from './types';

/** The end of a switch that handled every case: `value` has type `never` unless one was forgotten. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what} ${JSON.stringify(value)}: a switch in the code misses this case`);
}

/** Whether a slot of this kind names a volume: a storage domain, a volume UUID and a size. */
export const CARRIES_TARGET: Readonly<Record<SlotKind, boolean>> = { empty: false, clean: false, unknown: false, extend: true };

export type SlotTarget = Pick<DecodedSlot, 'domain' | 'volume' | 'sizeMiB'>;

/** The volume a slot names, for copying into a plain object; undefined for kinds that name none. */
export function targetOf(slot: DecodedSlot): SlotTarget | undefined {
  return CARRIES_TARGET[slot.kind] ? { domain: slot.domain, volume: slot.volume, sizeMiB: slot.sizeMiB } : undefined;
}
