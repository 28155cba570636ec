/** Decoding one 64-byte message slot. Never throws on bytes. */
import { CLEAN_BYTE, EMPTY_BYTE, EXTEND_OPCODE, PADDING_BYTE, SLOT_SIZE_BYTES, VERSION_1_BYTE } from './constants';
import { EXTEND_FIELDS } from './fields';
import { finding } from './findings';
import type { DecodedSlot, Finding } from './types';
import { byteHex, toHex } from './uuid';

const OPCODE = EXTEND_FIELDS.opcode;
const XTND = [...EXTEND_OPCODE].map((c) => c.charCodeAt(0));

function hasOpcode(bytes: Uint8Array, base: number, opcode: readonly number[]): boolean {
  for (let i = 0; i < opcode.length; i++) if (bytes[base + OPCODE.offset + i] !== opcode[i]) return false;
  return true;
}

function isClean(bytes: Uint8Array, base: number): boolean {
  for (let i = base; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== CLEAN_BYTE) return false;
  return true;
}

/** Printable form of bytes for messages: ASCII where printable, \xNN otherwise. */
export function quoteBytes(bytes: Uint8Array, offset: number, length: number): string {
  let out = '';
  for (let i = offset; i < offset + length; i++) {
    const b = bytes[i];
    out += b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${byteHex(b)}`;
  }
  return `'${out}'`;
}

/**
 * Decodes the slot starting at `base`. `where` names the host and slot for
 * findings; spans are offsets in `bytes`, so pass the whole volume to get
 * volume offsets.
 */
export function decodeSlot(bytes: Uint8Array, base: number, index: number, host?: number): DecodedSlot {
  const hex = toHex(bytes, base, SLOT_SIZE_BYTES);
  const findings: Finding[] = [];
  const where = { host, slot: index };
  const first = bytes[base];

  if (first === EMPTY_BYTE) {
    let leftover = 0;
    for (let i = base + 1; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== 0) leftover++;
    if (leftover > 0) {
      findings.push(
        finding('slot.empty.leftover-bytes', { offset: base + 1, length: SLOT_SIZE_BYTES - 1 },
          `expected bytes 1..63 of an empty slot to be 0, got ${leftover} non-zero bytes (ignored by vdsm)`, where),
      );
    }
    return { index, kind: 'empty', hex, findings };
  }

  if (first === CLEAN_BYTE && isClean(bytes, base)) return { index, kind: 'clean', hex, findings };

  // The SPM dispatches on the opcode alone; a bad version byte is only a finding.
  if (hasOpcode(bytes, base, XTND)) return decodeExtend(bytes, base, index, hex, findings, where);

  if (first === CLEAN_BYTE) {
    const reason = 'first byte 0x01 (CLEAN) but not all 64 bytes are 0x01';
    findings.push(finding('slot.clean.partial', { offset: base, length: SLOT_SIZE_BYTES },
      `expected 64 bytes of 0x01, got ${countNot(bytes, base, CLEAN_BYTE)} other bytes`, where));
    return { index, kind: 'unknown', reason, hex, findings };
  }
  if (first === VERSION_1_BYTE) {
    const got = quoteBytes(bytes, base + OPCODE.offset, OPCODE.length);
    const reason = `unknown opcode ${got}`;
    findings.push(finding('slot.unknown-opcode', { offset: base + OPCODE.offset, length: OPCODE.length },
      `expected opcode 'xtnd', got ${got}`, where));
    return { index, kind: 'unknown', reason, hex, findings };
  }
  const reason = `unknown first byte 0x${byteHex(first)}`;
  findings.push(finding('slot.unknown-first-byte', { offset: base, length: 1 },
    `expected first byte 0x00 (empty), 0x01 (CLEAN) or 0x31 ('1', version 1), got 0x${byteHex(first)}`, where));
  return { index, kind: 'unknown', reason, hex, findings };
}

function countNot(bytes: Uint8Array, base: number, value: number): number {
  let n = 0;
  for (let i = base; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== value) n++;
  return n;
}

function decodeExtend(
  bytes: Uint8Array, base: number, index: number, hex: string, findings: Finding[], where: { host?: number; slot: number },
): DecodedSlot {
  const { version, domain, volume, size, padding } = EXTEND_FIELDS;
  if (bytes[base] !== VERSION_1_BYTE) {
    findings.push(finding('slot.extend.bad-version', { offset: base, length: 1 },
      `expected version '1' (0x31), got 0x${byteHex(bytes[base + version.offset])}`, where));
  }
  const sizeMiB = size.codec.read(bytes, base + size.offset, size.length);
  if (sizeMiB === null) {
    findings.push(finding('slot.extend.bad-size', { offset: base + size.offset, length: size.length },
      `expected 16 lower-case hex digits, got ${quoteBytes(bytes, base + size.offset, size.length)}`, where));
  }
  for (let i = 0; i < padding.length; i++) {
    if (bytes[base + padding.offset + i] !== PADDING_BYTE) {
      findings.push(finding('slot.extend.bad-padding', { offset: base + padding.offset, length: padding.length },
        `expected 11 bytes of ASCII '0', got ${quoteBytes(bytes, base + padding.offset, padding.length)}`, where));
      break;
    }
  }
  return {
    index,
    kind: 'extend',
    domain: domain.codec.read(bytes, base + domain.offset, domain.length),
    volume: volume.codec.read(bytes, base + volume.offset, volume.length),
    sizeMiB,
    hex,
    findings,
  };
}
