/**
 * A request's life, step by step, as the bytes of inbox slot (h, s) and
 * outbox slot (h, s) at each step, with who wrote what and what each side
 * checks. The steps' names come from the inspector's own pairing
 * (`lifecycleStep`), so the lesson says what the grid would say.
 */
import { CLEAN, SLOT_SIZE_BYTES, decodeSlot, encodeMessage, lifecycleStep, type LifecycleStep } from '@/lib/mailbox';
import { FAILED_REPLY, REPLY, REQUEST } from './examples';

export interface LifeStep {
  title: string;
  /** who wrote at this step */
  writer: 'host' | 'SPM' | null;
  did: string;
  /** when it happens */
  when: string;
  inbox: Uint8Array;
  outbox: Uint8Array;
  /** what the grid shows for the pair; null = nothing in the slot */
  step: LifecycleStep | null;
  hostChecks: string;
  spmChecks: string;
}

const EMPTY = new Uint8Array(SLOT_SIZE_BYTES);

export function stepOf(inbox: Uint8Array, outbox: Uint8Array): LifecycleStep | null {
  const pick = (bytes: Uint8Array) => (bytes.some((b) => b !== 0) ? decodeSlot(bytes, 0, 0) : undefined);
  return lifecycleStep(pick(inbox), pick(outbox));
}

/** The six moments of one request in slot (h, s); `fails`: the SPM cannot extend and answers size 0. */
export function lifeSteps(fails = false): LifeStep[] {
  const request = encodeMessage(REQUEST);
  const reply = encodeMessage(fails ? FAILED_REPLY : REPLY);
  const clean = encodeMessage(CLEAN);
  const steps: Omit<LifeStep, 'step'>[] = [
    {
      title: 'Nothing in flight', writer: null, did: 'Both slots are empty (or the outbox still holds an old CLEAN).', when: 'until a VM’s thin disk needs more room',
      inbox: EMPTY, outbox: EMPTY,
      hostChecks: 'picks the first free slot for its next request', spmChecks: 'reads every mailbox; a slot whose first byte is 0 is skipped',
    },
    {
      title: 'The host asks', writer: 'host',
      did: 'writes its whole 4096-byte inbox mailbox (the request in slot s, the checksum in bytes 4092..4095), then a new event UUID into mailbox 0',
      when: 'as soon as the disk is nearly full',
      inbox: request, outbox: EMPTY,
      hostChecks: 'reads its outbox mailbox every 0.5 s, waiting for a reply',
      spmChecks: 'the mailbox checksum (it has mail), then acts on the slot because its 64 bytes changed since the last read',
    },
    {
      title: fails ? 'The SPM fails to extend' : 'The SPM replies', writer: 'SPM',
      did: fails
        ? 'could not extend the volume: writes the request back with size 0 into outbox slot (h, s)'
        : 'extends the logical volume, then writes the request back with the size reached into outbox slot (h, s)',
      when: 'at the SPM’s next read: about 0.5 s after the event (at most 2 s without one), plus the time the extend takes',
      inbox: request, outbox: reply,
      hostChecks: 'the reply’s bytes 0..36 (version, opcode, domain, volume) equal its request’s, else it logs “Incorrect reply”; size 0 means the extend failed',
      spmChecks: 'nothing new in the inbox: the slot did not change',
    },
    {
      title: 'The host acknowledges', writer: 'host',
      did: 'writes CLEAN (64 × 0x01) over its request, with a new checksum: “reply received”',
      when: 'at the host’s next read of its outbox mailbox (every 0.5 s while it waits)',
      inbox: clean, outbox: reply,
      hostChecks: 'waits for the SPM’s CLEAN in the outbox',
      spmChecks: 'the slot changed and is CLEAN: it answers CLEAN',
    },
    {
      title: 'The SPM acknowledges', writer: 'SPM', did: 'writes CLEAN into outbox slot (h, s)',
      when: 'at the SPM’s next read (0.5 to 2 s)',
      inbox: clean, outbox: clean,
      hostChecks: 'sees CLEAN in its outbox slot: the exchange is over',
      spmChecks: 'nothing new',
    },
    {
      title: 'The host frees the slot', writer: 'host', did: 'writes zeros over slot s (and a new checksum); the slot can carry the next request',
      when: 'at the host’s next read of its outbox mailbox',
      inbox: EMPTY, outbox: clean,
      hostChecks: 'the slot is free again',
      spmChecks: 'an empty slot: skipped. Its CLEAN stays in the outbox until the slot is reused',
    },
  ];
  return steps.map((s) => ({ ...s, step: stepOf(s.inbox, s.outbox) }));
}
