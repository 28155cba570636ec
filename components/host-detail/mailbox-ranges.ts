/**
 * A mailbox's field table as hex-view ranges: the only place where mailbox
 * fields meet hex-view colours. The ranges come from `mailboxLayout`, which
 * reads the format's field table.
 */
import { mailboxLayout, type VolumeKind } from '@/lib/mailbox';
import type { HexRange } from '@/components/hex-view/types';
import { byteHex } from '@/components/hex-view/hex-lines';

export interface ToneLegend {
  tone: number;
  label: string;
}

/** Field id → colour family; the legend lists them in this order. */
const TONES: ReadonlyArray<[tone: number, label: string, fields: readonly string[]]> = [
  [0, 'version + opcode', ['version', 'opcode', 'event.magic']],
  [1, 'domain UUID', ['domain', 'event.uuid']],
  [2, 'volume UUID', ['volume']],
  [3, 'size (MiB, hex)', ['size']],
  [4, 'padding', ['padding']],
  [5, 'CLEAN', ['clean']],
  [6, 'unknown / leftover', ['unknown', 'leftover']],
  [8, 'checksum', ['checksum']],
  [7, 'unused', ['metadata', 'outbox-tail', 'event.unused']],
];

const TONE_BY_FIELD = new Map(TONES.flatMap(([tone, , fields]) => fields.map((f) => [f, tone] as const)));

export const FIELD_LEGEND: readonly ToneLegend[] = TONES.map(([tone, label]) => ({ tone, label }));

/** Little-endian bytes of a 32-bit value, as they sit in the mailbox: "39 19 00 00". */
export function u32leBytes(value: number): string {
  return [0, 8, 16, 24].map((shift) => byteHex((value >>> shift) & 0xff)).join(' ');
}

function checksumNote(stored: number, computed: number): string {
  const verdict = stored === computed ? 'ok' : stored === 0 ? '✗ missing: a torn write?' : '✗ does not match';
  return `checksum: stored ${stored} (${u32leBytes(stored)}), computed ${computed} (${u32leBytes(computed)}) · ${verdict}`;
}

export function mailboxRanges(mailbox: Uint8Array, kind: VolumeKind, host: number, checksum: { stored: number; computed: number } | null): HexRange[] {
  return mailboxLayout(mailbox, kind, host).map((r) => {
    const range: HexRange = { offset: r.offset, length: r.length, label: r.label, tone: TONE_BY_FIELD.get(r.field) };
    if (r.value !== undefined) range.value = r.value;
    if (r.severity) range.severity = r.severity;
    if (r.field === 'checksum' && checksum && (checksum.stored !== 0 || checksum.computed !== 0)) {
      range.note = checksumNote(checksum.stored, checksum.computed);
    }
    return range;
  });
}
