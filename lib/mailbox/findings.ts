import { CLEAN_BYTE, SLOT_SIZE_BYTES, VERSION_1_BYTE } from './constants';
import { EXTEND_FIELDS, MAILBOX_FIELDS } from './fields';
import type { Finding, FindingId, Severity, Span } from './types';
import { byteHex } from './uuid';

const CLEAN_HEX = `0x${byteHex(CLEAN_BYTE)}`;
const { size: SIZE } = EXTEND_FIELDS;
const { metadata: METADATA } = MAILBOX_FIELDS;

export type FindingGroup = 'slot' | 'mailbox' | 'event' | 'volume';

export interface FindingKind {
  severity: Severity;
  group: FindingGroup;
  /** what it means, for the legend and the learning pages */
  title: string;
}

/** Every finding the decoder can report, registered once with its severity. */
export const FINDING_KINDS: Readonly<Record<FindingId, FindingKind>> = {
  'slot.empty.leftover-bytes': { severity: 'info', group: 'slot', title: 'empty slot (first byte 0) with leftover bytes behind it' },
  'slot.extend.bad-version': { severity: 'warning', group: 'slot', title: `extend message whose version byte is not '${String.fromCharCode(VERSION_1_BYTE)}'` },
  'slot.extend.bad-size': { severity: 'error', group: 'slot', title: `extend message whose size is not ${SIZE.length} lower-case hex digits` },
  'slot.extend.bad-padding': { severity: 'warning', group: 'slot', title: "extend message whose padding is not ASCII '0'" },
  'slot.clean.partial': { severity: 'error', group: 'slot', title: `first byte ${CLEAN_HEX} (CLEAN) but not all ${SLOT_SIZE_BYTES} bytes are ${CLEAN_HEX}` },
  'slot.unknown-opcode': { severity: 'error', group: 'slot', title: 'message with an unknown opcode: the SPM logs "unknown message type"' },
  'slot.unknown-first-byte': { severity: 'error', group: 'slot', title: 'message whose first byte is not a known version' },
  'mailbox.checksum.missing': { severity: 'error', group: 'mailbox', title: 'checksum is 0 but the data is not: a torn write, the SPM drops this mail' },
  'mailbox.checksum.mismatch': { severity: 'error', group: 'mailbox', title: 'stored checksum differs from the data: the SPM drops this mail' },
  'mailbox.checksum.stale-data': { severity: 'info', group: 'mailbox', title: 'checksum fails, but the mailbox has no message the SPM would look at' },
  'mailbox.noise': { severity: 'error', group: 'mailbox', title: 'most slots hold no valid message: one finding for the mailbox instead of one per slot' },
  'mailbox.metadata.not-zero': { severity: 'info', group: 'mailbox', title: `unused metadata bytes ${METADATA.offset}..${METADATA.offset + METADATA.length - 1} are not zero` },
  'mailbox.outside-window': { severity: 'warning', group: 'mailbox', title: "mail in a host mailbox outside the SPM's read window: never read" },
  'event.foreign-content': { severity: 'warning', group: 'event', title: 'mailbox 0 holds neither an event block nor zeros' },
  'outbox.mailbox0.not-empty': { severity: 'info', group: 'mailbox', title: 'outbox mailbox 0 belongs to no host but is not empty' },
  'volume.trailing-partial-mailbox': { severity: 'warning', group: 'volume', title: 'the volume ends with a partial mailbox, which was not decoded' },
  'volume.empty': { severity: 'error', group: 'volume', title: 'the volume holds not even one whole mailbox' },
};

export function finding(
  id: FindingId,
  span: Span,
  message: string,
  where: { host?: number; slot?: number } = {},
): Finding {
  const result: Finding = { id, severity: FINDING_KINDS[id].severity, span, message };
  if (where.host !== undefined) result.host = where.host;
  if (where.slot !== undefined) result.slot = where.slot;
  return result;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Findings by the host they are about (the volumes' own, without a host, are left out). */
export function findingsByHost(findings: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.host === undefined) continue;
    const list = out.get(f.host);
    if (list) list.push(f);
    else out.set(f.host, [f]);
  }
  return out;
}
