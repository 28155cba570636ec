/**
 * The sandbox's model: one 4096-byte mailbox a person edits byte by byte or
 * fills from fields, decoded after every edit with the inspector's decoder.
 * Edits return new arrays (React state); bad field values come back as an
 * error to show, never an exception. Pure.
 */
import {
  CLEAN, DEFAULT_MAX_HOST_ID, FINDING_KINDS, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES,
  decodeMailbox, extend, isUuid, writeChecksum, writeMessage,
  type DecodedMailbox, type FindingGroup, type Severity, type VolumeKind,
} from '@/lib/mailbox';

export interface SandboxMailbox {
  kind: VolumeKind;
  host: number;
  bytes: Uint8Array;
}

/** The byte at `offset` set to `value` (0..255), as a new mailbox. */
export function setByte(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  if (offset < 0 || offset >= bytes.length) return bytes;
  const next = bytes.slice();
  next[offset] = value & 0xff;
  return next;
}

/** Value of one typed hex digit, or null. */
export function hexDigit(key: string): number | null {
  return /^[0-9a-f]$/i.test(key) ? parseInt(key, 16) : null;
}

/**
 * Typing hex: the first digit is held (shown as "f_"), the second completes
 * the byte. Returns the new bytes, what is still held, and whether to move on.
 */
export function typeDigit(bytes: Uint8Array, offset: number, held: number | null, digit: number): { bytes: Uint8Array; held: number | null; advance: boolean } {
  if (held === null) return { bytes, held: digit, advance: false };
  return { bytes: setByte(bytes, offset, held * 16 + digit), held: null, advance: true };
}

export type FieldMessage =
  | { kind: 'extend'; domain: string; volume: string; sizeMiB: string }
  | { kind: 'clean' }
  | { kind: 'empty' };

/** Writes a message built from fields into `slot`; `fixChecksum` stores the new checksum as a host would. */
export function writeFields(bytes: Uint8Array, slot: number, message: FieldMessage, fixChecksum: boolean): { bytes: Uint8Array } | { error: string } {
  if (!Number.isInteger(slot) || slot < 0 || slot >= MESSAGE_SLOTS_PER_MAILBOX) return { error: `slot must be 0..${MESSAGE_SLOTS_PER_MAILBOX - 1}, got ${slot}` };
  const next = bytes.slice();
  const at = slot * SLOT_SIZE_BYTES;
  if (message.kind === 'empty') next.fill(0, at, at + SLOT_SIZE_BYTES);
  else if (message.kind === 'clean') writeMessage(next, at, CLEAN);
  else {
    const domain = message.domain.trim().toLowerCase();
    const volume = message.volume.trim().toLowerCase();
    if (!isUuid(domain)) return { error: `domain must be a UUID like 8adbc85e-e554-4ae0-b318-8a5465fe5fe1, got ${JSON.stringify(message.domain)}` };
    if (!isUuid(volume)) return { error: `volume must be a UUID like d772f1c6-3ebb-43c3-a42e-73fcd8255a5f, got ${JSON.stringify(message.volume)}` };
    if (!/^\d{1,16}$/.test(message.sizeMiB.trim()) || !Number.isSafeInteger(Number(message.sizeMiB))) {
      return { error: `size must be a whole number of MiB (0 = a failed reply), got ${JSON.stringify(message.sizeMiB)}` };
    }
    writeMessage(next, at, extend(domain, volume, Number(message.sizeMiB)));
  }
  if (fixChecksum) writeChecksum(next);
  return { bytes: next };
}

/** The checksum stored as a host stores it: the sum of bytes 0..4091 in bytes 4092..4095. */
export function withChecksum(bytes: Uint8Array): Uint8Array {
  const next = bytes.slice();
  writeChecksum(next);
  return next;
}

export interface SandboxFinding {
  id: string;
  severity: Severity;
  group: FindingGroup;
  /** what the finding means */
  title: string;
  /** "expected X, got Y" */
  message: string;
  offset: number;
}

export interface SandboxDecode {
  mailbox: DecodedMailbox;
  findings: SandboxFinding[];
}

export function decodeSandbox({ kind, host, bytes }: SandboxMailbox, maxHostId = DEFAULT_MAX_HOST_ID): SandboxDecode {
  const mailbox = decodeMailbox(bytes, 0, { kind, host, maxHostId });
  const findings = mailbox.findings.map((f) => ({
    id: f.id, severity: f.severity, group: FINDING_KINDS[f.id].group, title: FINDING_KINDS[f.id].title, message: f.message, offset: f.span.offset,
  }));
  return { mailbox, findings };
}

export function dumpName({ kind, host }: SandboxMailbox): string {
  return `${kind}-host${host}-mailbox.dump`;
}

export function emptyMailbox(): Uint8Array {
  return new Uint8Array(MAILBOX_SIZE_BYTES);
}
