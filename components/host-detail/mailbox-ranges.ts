/**
 * A mailbox's field table as hex-view ranges: the only place where mailbox
 * fields meet hex-view colours. The ranges come from `mailboxLayout`, which
 * reads the format's field table.
 */
import { MAILBOX_FIELDS, mailboxLayout, type FieldId, type VolumeKind } from '@/lib/mailbox';
import type { HexRange } from '@/components/hex-view/types';
import { byteHex } from '@/components/hex-view/hex-lines';

export interface ToneLegend {
  tone: number;
  label: string;
}

/** The colour families of the hex view; the legend lists them in this order. */
const FAMILIES = {
  header: { tone: 0, label: 'version + opcode' },
  domain: { tone: 1, label: 'domain UUID' },
  volume: { tone: 2, label: 'volume UUID' },
  size: { tone: 3, label: 'size (MiB, hex)' },
  padding: { tone: 4, label: 'padding' },
  clean: { tone: 5, label: 'CLEAN' },
  unknown: { tone: 6, label: 'unknown / leftover' },
  checksum: { tone: 8, label: 'checksum' },
  unused: { tone: 7, label: 'unused' },
} as const satisfies Record<string, ToneLegend>;

/** Every field of the field table has a colour family: a new or renamed field fails to compile until it has one. */
const FAMILY_OF: Readonly<Record<FieldId, keyof typeof FAMILIES>> = {
  version: 'header', opcode: 'header', 'event.magic': 'header',
  domain: 'domain', 'event.uuid': 'domain',
  volume: 'volume',
  size: 'size',
  padding: 'padding',
  clean: 'clean',
  unknown: 'unknown', leftover: 'unknown',
  checksum: 'checksum',
  metadata: 'unused', 'outbox-tail': 'unused', 'event.unused': 'unused',
};

export const FIELD_LEGEND: readonly ToneLegend[] = Object.values(FAMILIES);

const WORD = MAILBOX_FIELDS.checksum;

/** Little-endian bytes of a 32-bit value, as they sit in the mailbox: "39 19 00 00". */
export function u32leBytes(value: number): string {
  const bytes = new Uint8Array(WORD.length);
  WORD.codec.write(bytes, 0, WORD.length, value);
  return Array.from(bytes, byteHex).join(' ');
}

function checksumNote(stored: number, computed: number): string {
  const verdict = stored === computed ? 'ok' : stored === 0 ? '✗ missing: a torn write?' : '✗ does not match';
  return `checksum: stored ${stored} (${u32leBytes(stored)}), computed ${computed} (${u32leBytes(computed)}) · ${verdict}`;
}

export function mailboxRanges(mailbox: Uint8Array, kind: VolumeKind, host: number, checksum: { stored: number; computed: number } | null): HexRange[] {
  return mailboxLayout(mailbox, kind, host).map((r) => {
    const range: HexRange = { offset: r.offset, length: r.length, label: r.label, tone: FAMILIES[FAMILY_OF[r.field]].tone };
    if (r.value !== undefined) range.value = r.value;
    if (r.severity) range.severity = r.severity;
    if (r.field === 'checksum' && checksum && (checksum.stored !== 0 || checksum.computed !== 0)) {
      range.note = checksumNote(checksum.stored, checksum.computed);
    }
    return range;
  });
}
