/** Mailbox 0 of the inbox: the event block an HSM writes to wake the SPM. */
import { EVENT_MAGIC, MAILBOX_SIZE_BYTES } from './constants';
import { EVENT_FIELDS } from './fields';
import { finding } from './findings';
import type { EventBlock, Finding } from './types';

export function decodeEvent(bytes: Uint8Array, offset = 0): { event: EventBlock; findings: Finding[] } {
  let magic = true;
  for (let i = 0; i < EVENT_MAGIC.length; i++) if (bytes[offset + i] !== EVENT_MAGIC[i]) magic = false;
  const { uuid, unused } = EVENT_FIELDS;
  let restZero = true;
  for (let i = offset + unused.offset; i < offset + MAILBOX_SIZE_BYTES; i++) {
    if (bytes[i] !== 0) { restZero = false; break; }
  }
  if (magic) {
    const event: EventBlock = { state: 'event', uuid: uuid.codec.read(bytes, offset + uuid.offset, uuid.length) };
    const findings = restZero ? [] : [finding('event.foreign-content', { offset: offset + unused.offset, length: unused.length },
      'expected zeros after the event UUID, got non-zero bytes')];
    return { event, findings };
  }
  let allZero = restZero;
  for (let i = offset; allZero && i < offset + unused.offset; i++) if (bytes[i] !== 0) allZero = false;
  if (allZero) return { event: { state: 'empty', uuid: null }, findings: [] };
  return {
    event: { state: 'other', uuid: null },
    findings: [finding('event.foreign-content', { offset, length: MAILBOX_SIZE_BYTES },
      "expected an event block ('\\0evt' + UUID) or zeros in mailbox 0, got other bytes")],
  };
}
