/** Decoding one 64-byte message slot. Never throws on bytes. */
import { CLEAN_BYTE, EMPTY_BYTE, PADDING_BYTE, SLOT_SIZE_BYTES, VERSION_1_BYTE } from './constants';
import { EXTEND_FIELDS, MESSAGE_TYPES, u32le, type MessageKind } from './fields';
import { finding, FINDING_KINDS } from './findings';
import { CARRIES_TARGET, targetOf } from './slot-kind';
import type { DecodedSlot, Finding, SlotKind } from './types';
import { byteHex, toHex } from './uuid';

const { version: VERSION, opcode: OPCODE, domain: DOMAIN, volume: VOLUME, size: SIZE, padding: PADDING } = EXTEND_FIELDS;
type MessageDecoder = (bytes: Uint8Array, base: number, index: number, host: number | undefined) => DecodedSlot;
/** One decoder per message type of the field table: a type without one fails to compile. */
const DECODERS: Readonly<Record<MessageKind, MessageDecoder>> = { extend: decodeExtend };
const KINDS = Object.keys(MESSAGE_TYPES) as MessageKind[];
// An opcode is one 4-byte word: compared as a number, read with the table's little-endian codec.
if (OPCODE.length !== 4) throw new Error(`opcodes are compared as 32-bit words, but the field table makes them ${OPCODE.length} bytes`);
const OPCODE_WORDS = Uint32Array.from(KINDS, (kind) => u32le.read(Uint8Array.from(MESSAGE_TYPES[kind].opcode, (c) => c.charCodeAt(0)), 0, 4));
const OPCODE_DECODERS = KINDS.map((kind) => DECODERS[kind]);
const KNOWN_OPCODES = KINDS.map((kind) => `'${MESSAGE_TYPES[kind].opcode}'`).join(' or ');
const PADDING_END = PADDING.offset + PADDING.length;
const PADDING_CHAR = String.fromCharCode(PADDING_BYTE);
const CLEAN_HEX = `0x${byteHex(CLEAN_BYTE)}`;
const VERSION_1 = `'${String.fromCharCode(VERSION_1_BYTE)}' (0x${byteHex(VERSION_1_BYTE)})`;
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
 * bytes must not change afterwards: a volume decode points its slots at
 * their mailbox's own 4 KiB, which nothing writes.
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
    if (!CARRIES_TARGET[this.kind]) return undefined;
    return (this.cachedDomain ??= DOMAIN.codec.read(this.bytes, this.base + DOMAIN.offset, DOMAIN.length));
  }

  get volume(): string | undefined {
    if (!CARRIES_TARGET[this.kind]) return undefined;
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
    Object.assign(json, targetOf(this));
    if (this.reason !== undefined) json.reason = this.reason;
    return Object.assign(json, { hex: this.hex, findings: this.findings });
  }
}

/** A slot decoded from bytes (it reads them), not one rebuilt from JSON (it has only its hex). */
function fromBytes(slot: DecodedSlot): slot is Slot {
  // Not `instanceof Slot`: the server bundles its routes and its pollers apart, each with its own copy of
  // this class, and a route pairs slots a poller decoded (by hex, that cost 2% of a core per viewer).
  return typeof (slot as Partial<Slot>).samePrefix === 'function';
}

/**
 * Points decoded slots at `own`, a copy of their mailbox's bytes (which
 * started at `offset`), so that a kept decode does not hold the whole
 * volume's buffer it came from. Spans in findings stay volume offsets.
 */
export function detachSlots(slots: readonly DecodedSlot[], own: Uint8Array, offset: number): void {
  for (const slot of slots) if (fromBytes(slot)) slot.rebind(own, offset);
}

/** Whether the first `length` bytes of two slots are equal (the HSM checks bytes 0..36 of a reply). */
export function samePrefix(a: DecodedSlot, b: DecodedSlot, length: number): boolean {
  if (fromBytes(a) && fromBytes(b)) return a.samePrefix(b, length);
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
      `expected bytes 1..${SLOT_SIZE_BYTES - 1} of an empty slot to be 0, got ${leftover} non-zero bytes (ignored by vdsm)`, { host, slot: index })];
    return new Slot(bytes, base, index, 'empty', findings);
  }

  if (first === CLEAN_BYTE && isClean(bytes, base)) return new Slot(bytes, base, index, 'clean', NO_FINDINGS);

  // The SPM dispatches on the opcode alone; a bad version byte is only a finding.
  const word = u32le.read(bytes, base + OPCODE.offset, OPCODE.length);
  for (let k = 0; k < OPCODE_WORDS.length; k++) if (OPCODE_WORDS[k] === word) return OPCODE_DECODERS[k](bytes, base, index, host);

  if (first === CLEAN_BYTE) {
    return new Slot(bytes, base, index, 'unknown', [finding('slot.clean.partial', { offset: base, length: SLOT_SIZE_BYTES },
      `expected ${SLOT_SIZE_BYTES} bytes of ${CLEAN_HEX}, got ${countNot(bytes, base, CLEAN_BYTE)} other bytes`, { host, slot: index })],
    undefined, FINDING_KINDS['slot.clean.partial'].title);
  }
  if (first === VERSION_1_BYTE) {
    const got = quoteBytes(bytes, base + OPCODE.offset, OPCODE.length);
    return new Slot(bytes, base, index, 'unknown', [finding('slot.unknown-opcode', { offset: base + OPCODE.offset, length: OPCODE.length },
      `expected opcode ${KNOWN_OPCODES}, got ${got}`, { host, slot: index })], undefined, `unknown opcode ${got}`);
  }
  return new Slot(bytes, base, index, 'unknown', [finding('slot.unknown-first-byte', { offset: base, length: 1 },
    `expected first byte 0x${byteHex(EMPTY_BYTE)} (empty), ${CLEAN_HEX} (CLEAN) or 0x${byteHex(VERSION_1_BYTE)} ('${String.fromCharCode(VERSION_1_BYTE)}', version 1), got 0x${byteHex(first)}`, { host, slot: index })],
  undefined, `unknown first byte 0x${byteHex(first)}`);
}

function decodeExtend(bytes: Uint8Array, base: number, index: number, host: number | undefined): DecodedSlot {
  const sizeMiB = SIZE.codec.read(bytes, base + SIZE.offset, SIZE.length);
  let paddingOk = true;
  for (let i = base + PADDING.offset, end = base + PADDING_END; i < end; i++) if (bytes[i] !== PADDING_BYTE) paddingOk = false;
  const version = bytes[base + VERSION.offset];
  if (version === VERSION_1_BYTE && sizeMiB !== null && paddingOk) {
    return new Slot(bytes, base, index, 'extend', NO_FINDINGS, sizeMiB);
  }
  const where = { host, slot: index };
  const findings: Finding[] = [];
  if (version !== VERSION_1_BYTE) {
    findings.push(finding('slot.extend.bad-version', { offset: base + VERSION.offset, length: VERSION.length },
      `expected version ${VERSION_1}, got 0x${byteHex(version)}`, where));
  }
  if (sizeMiB === null) {
    findings.push(finding('slot.extend.bad-size', { offset: base + SIZE.offset, length: SIZE.length },
      `expected ${SIZE.length} lower-case hex digits, got ${quoteBytes(bytes, base + SIZE.offset, SIZE.length)}`, where));
  }
  if (!paddingOk) {
    findings.push(finding('slot.extend.bad-padding', { offset: base + PADDING.offset, length: PADDING.length },
      `expected ${PADDING.length} bytes of ASCII '${PADDING_CHAR}', got ${quoteBytes(bytes, base + PADDING.offset, PADDING.length)}`, where));
  }
  return new Slot(bytes, base, index, 'extend', findings, sizeMiB);
}
