/** Decoding one 64-byte message slot. Never throws on bytes. */
import { CLEAN_BYTE, EMPTY_BYTE, PADDING_BYTE, SLOT_SIZE_BYTES, VERSION_1_BYTE } from './constants';
import { EXTEND_FIELDS } from './fields';
import { finding } from './findings';
import type { DecodedSlot, Finding, SlotKind } from './types';
import { byteHex, toHex } from './uuid';

const { opcode: OPCODE, domain: DOMAIN, volume: VOLUME, size: SIZE, padding: PADDING } = EXTEND_FIELDS;
const [X, T, N, D] = [0x78, 0x74, 0x6e, 0x64]; // 'xtnd'
// Most slots have nothing to report: they share one empty, frozen list.
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];

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
 * A decoded slot. Its kind, size and findings are decided when it is made;
 * its strings (UUIDs, hex) are made from the bytes on first use, because a
 * busy pool has 15,000 messages and most reads nobody looks at them. The
 * bytes must not change afterwards (each read gets a fresh buffer).
 */
class Slot implements DecodedSlot {
  private cachedDomain?: string;
  private cachedVolume?: string;
  private cachedHex?: string;

  constructor(
    private bytes: Uint8Array,
    private base: number,
    readonly index: number,
    readonly kind: SlotKind,
    readonly findings: Finding[],
    readonly sizeMiB?: number | null,
    readonly reason?: string,
  ) {}

  get domain(): string | undefined {
    if (this.kind !== 'extend') return undefined;
    return (this.cachedDomain ??= DOMAIN.codec.read(this.bytes, this.base + DOMAIN.offset, DOMAIN.length));
  }

  get volume(): string | undefined {
    if (this.kind !== 'extend') return undefined;
    return (this.cachedVolume ??= VOLUME.codec.read(this.bytes, this.base + VOLUME.offset, VOLUME.length));
  }

  get hex(): string {
    return (this.cachedHex ??= toHex(this.bytes, this.base, SLOT_SIZE_BYTES));
  }

  /** Reads from `own`, a copy of the bytes from `offset` on, instead of the buffer it was decoded from. */
  rebind(own: Uint8Array, offset: number): void {
    this.bytes = own;
    this.base -= offset;
  }

  /** The first `length` bytes equal those of `other`. */
  samePrefix(other: Slot, length: number): boolean {
    for (let i = 0; i < length; i++) if (this.bytes[this.base + i] !== other.bytes[other.base + i]) return false;
    return true;
  }

  toJSON(): DecodedSlot {
    const json: DecodedSlot = { index: this.index, kind: this.kind, hex: '', findings: [] };
    if (this.kind === 'extend') Object.assign(json, { domain: this.domain, volume: this.volume, sizeMiB: this.sizeMiB });
    if (this.reason !== undefined) json.reason = this.reason;
    return Object.assign(json, { hex: this.hex, findings: this.findings });
  }
}

/**
 * Points decoded slots at `own`, a copy of their mailbox's bytes (which
 * started at `offset`), so that a kept decode does not hold the whole
 * volume's buffer it came from. Spans in findings stay volume offsets.
 */
export function detachSlots(slots: readonly DecodedSlot[], own: Uint8Array, offset: number): void {
  for (const slot of slots) if (slot instanceof Slot) slot.rebind(own, offset);
}

/** Whether the first `length` bytes of two slots are equal (the HSM checks bytes 0..36 of a reply). */
export function samePrefix(a: DecodedSlot, b: DecodedSlot, length: number): boolean {
  if (a instanceof Slot && b instanceof Slot) return a.samePrefix(b, length);
  return a.hex.slice(0, 2 * length) === b.hex.slice(0, 2 * length);
}

function isClean(bytes: Uint8Array, base: number): boolean {
  for (let i = base; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== CLEAN_BYTE) return false;
  return true;
}

function countNot(bytes: Uint8Array, base: number, value: number): number {
  let n = 0;
  for (let i = base; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== value) n++;
  return n;
}

/**
 * Decodes the slot starting at `base` in `bytes`. Spans in findings are
 * offsets in `bytes`: pass the whole volume to get volume offsets.
 */
export function decodeSlot(bytes: Uint8Array, base: number, index: number, host?: number): DecodedSlot {
  const first = bytes[base];

  if (first === EMPTY_BYTE) {
    let leftover = 0;
    for (let i = base + 1; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== 0) leftover++;
    const findings = leftover === 0 ? NO_FINDINGS : [finding('slot.empty.leftover-bytes', { offset: base + 1, length: SLOT_SIZE_BYTES - 1 },
      `expected bytes 1..63 of an empty slot to be 0, got ${leftover} non-zero bytes (ignored by vdsm)`, { host, slot: index })];
    return new Slot(bytes, base, index, 'empty', findings);
  }

  if (first === CLEAN_BYTE && isClean(bytes, base)) return new Slot(bytes, base, index, 'clean', NO_FINDINGS);

  // The SPM dispatches on the opcode alone; a bad version byte is only a finding.
  if (bytes[base + 1] === X && bytes[base + 2] === T && bytes[base + 3] === N && bytes[base + 4] === D) {
    return decodeExtend(bytes, base, index, host);
  }

  if (first === CLEAN_BYTE) {
    return new Slot(bytes, base, index, 'unknown', [finding('slot.clean.partial', { offset: base, length: SLOT_SIZE_BYTES },
      `expected 64 bytes of 0x01, got ${countNot(bytes, base, CLEAN_BYTE)} other bytes`, { host, slot: index })],
    undefined, 'first byte 0x01 (CLEAN) but not all 64 bytes are 0x01');
  }
  if (first === VERSION_1_BYTE) {
    const got = quoteBytes(bytes, base + OPCODE.offset, OPCODE.length);
    return new Slot(bytes, base, index, 'unknown', [finding('slot.unknown-opcode', { offset: base + OPCODE.offset, length: OPCODE.length },
      `expected opcode 'xtnd', got ${got}`, { host, slot: index })], undefined, `unknown opcode ${got}`);
  }
  return new Slot(bytes, base, index, 'unknown', [finding('slot.unknown-first-byte', { offset: base, length: 1 },
    `expected first byte 0x00 (empty), 0x01 (CLEAN) or 0x31 ('1', version 1), got 0x${byteHex(first)}`, { host, slot: index })],
  undefined, `unknown first byte 0x${byteHex(first)}`);
}

function decodeExtend(bytes: Uint8Array, base: number, index: number, host: number | undefined): DecodedSlot {
  const sizeMiB = SIZE.codec.read(bytes, base + SIZE.offset, SIZE.length);
  let paddingOk = true;
  for (let i = base + PADDING.offset; i < base + SLOT_SIZE_BYTES; i++) if (bytes[i] !== PADDING_BYTE) paddingOk = false;
  if (bytes[base] === VERSION_1_BYTE && sizeMiB !== null && paddingOk) {
    return new Slot(bytes, base, index, 'extend', NO_FINDINGS, sizeMiB);
  }
  const where = { host, slot: index };
  const findings: Finding[] = [];
  if (bytes[base] !== VERSION_1_BYTE) {
    findings.push(finding('slot.extend.bad-version', { offset: base, length: 1 },
      `expected version '1' (0x31), got 0x${byteHex(bytes[base])}`, where));
  }
  if (sizeMiB === null) {
    findings.push(finding('slot.extend.bad-size', { offset: base + SIZE.offset, length: SIZE.length },
      `expected 16 lower-case hex digits, got ${quoteBytes(bytes, base + SIZE.offset, SIZE.length)}`, where));
  }
  if (!paddingOk) {
    findings.push(finding('slot.extend.bad-padding', { offset: base + PADDING.offset, length: PADDING.length },
      `expected 11 bytes of ASCII '0', got ${quoteBytes(bytes, base + PADDING.offset, PADDING.length)}`, where));
  }
  return new Slot(bytes, base, index, 'extend', findings, sizeMiB);
}
