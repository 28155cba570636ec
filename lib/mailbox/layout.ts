/**
 * Field ranges of one mailbox, for annotated hex views: every byte range that
 * means something, named, with its decoded value. Built from the field table.
 */
import { MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES } from './constants';
import { checksum } from './checksum';
import { EVENT_FIELD_LIST, MAILBOX_FIELDS, MESSAGE_TYPES, type FieldId } from './fields';
import { decodeSlot } from './slot';
import { assertNever } from './slot-kind';
import type { Severity, VolumeKind } from './types';

export interface FieldRange {
  /** offset within the mailbox */
  offset: number;
  length: number;
  /** field id from the field table, e.g. 'domain', 'checksum', or 'clean', 'unknown', 'leftover' */
  field: FieldId;
  label: string;
  value?: string;
  slot?: number;
  severity?: Severity;
}

function describe(value: unknown): string | undefined {
  if (value === null) return 'invalid';
  if (value instanceof Uint8Array) return undefined;
  return String(value);
}

function slotRanges(mailbox: Uint8Array, slot: number): FieldRange[] {
  const base = slot * SLOT_SIZE_BYTES;
  const decoded = decodeSlot(mailbox, base, slot);
  const severity = decoded.findings.length > 0 ? decoded.findings[0].severity : undefined;
  switch (decoded.kind) {
    case 'empty':
      return severity ? [{ offset: base, length: SLOT_SIZE_BYTES, field: 'leftover', label: `slot ${slot} · empty, leftover bytes`, slot, severity }] : [];
    case 'clean':
      return [{ offset: base, length: SLOT_SIZE_BYTES, field: 'clean', label: `slot ${slot} · CLEAN`, slot }];
    case 'unknown':
      return [{ offset: base, length: SLOT_SIZE_BYTES, field: 'unknown', label: `slot ${slot} · unknown: ${decoded.reason}`, slot, severity }];
    case 'extend':
      return MESSAGE_TYPES[decoded.kind].fields.map((f): FieldRange => {
        const bad = decoded.findings.find((x) => x.span.offset === base + f.offset);
        return {
          offset: base + f.offset,
          length: f.length,
          field: f.id,
          label: `slot ${slot} · ${f.label}`,
          value: describe(f.codec.read(mailbox, base + f.offset, f.length)),
          slot,
          ...(bad ? { severity: bad.severity } : {}),
        };
      });
    default:
      return assertNever(decoded.kind, 'slot kind');
  }
}

/** `mailbox` is exactly one 4096-byte mailbox; `host` 0 is the event block. */
export function mailboxLayout(mailbox: Uint8Array, kind: VolumeKind, host: number): FieldRange[] {
  if (mailbox.length !== MAILBOX_SIZE_BYTES) return [];
  if (host === 0 && kind === 'inbox') {
    return EVENT_FIELD_LIST.map((f) => ({
      offset: f.offset, length: f.length, field: `event.${f.id}` as const, label: f.label,
      value: describe(f.codec.read(mailbox, f.offset, f.length)),
    }));
  }
  const ranges: FieldRange[] = [];
  for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) ranges.push(...slotRanges(mailbox, slot));
  const { metadata, checksum: sum } = MAILBOX_FIELDS;
  ranges.push({ offset: metadata.offset, length: metadata.length, field: metadata.id, label: metadata.label });
  if (kind === 'inbox') {
    const stored = sum.codec.read(mailbox, sum.offset, sum.length);
    const computed = checksum(mailbox);
    ranges.push({
      offset: sum.offset, length: sum.length, field: sum.id,
      label: stored === computed ? 'checksum' : 'checksum (does not match the data)',
      value: `stored ${stored}, computed ${computed}`,
      ...(stored === computed ? {} : { severity: 'error' as const }),
    });
  } else {
    ranges.push({ offset: sum.offset, length: sum.length, field: 'outbox-tail', label: 'unused (outbox has no checksum)' });
  }
  return ranges;
}
