/** Decoding a whole inbox or outbox volume: any whole number of mailboxes. */
import { DEFAULT_MAX_HOST_ID, MAILBOX_SIZE_BYTES, SLOTS_PER_MAILBOX } from './constants';
import { decodeEvent } from './event';
import { finding } from './findings';
import { decodeMailbox } from './mailbox';
import { detachSlots } from './slot';
import type { DecodedMailbox, DecodedVolume, EventBlock, Finding, VolumeKind } from './types';
import type { MailboxWindow } from './window';

export interface DecodeOptions {
  /** the SPM reads hosts 0..maxHostId-1; mail at or past it is flagged */
  maxHostId?: number;
}

export interface VolumeHead {
  mailboxCount: number;
  warnings: string[];
  event: EventBlock | null;
  /** about the volume as a whole and its mailbox 0 */
  findings: Finding[];
}

/** Everything about a volume but its host mailboxes: its size, and its mailbox 0 (the event block, or the outbox's unused one). */
export function decodeVolumeHead(bytes: Uint8Array, kind: VolumeKind): VolumeHead {
  return decodeHead(bytes.length, bytes, kind);
}

/** The head of a volume of `length` bytes whose first bytes (mailbox 0, at least, when there is one) are `first`. */
function decodeHead(length: number, first: Uint8Array, kind: VolumeKind): VolumeHead {
  const mailboxCount = Math.floor(length / MAILBOX_SIZE_BYTES);
  const trailing = length % MAILBOX_SIZE_BYTES;
  const warnings: string[] = [];
  const findings: Finding[] = [];

  if (mailboxCount === 0) {
    const message = `expected at least one whole mailbox (${MAILBOX_SIZE_BYTES} bytes), got ${length} bytes`;
    warnings.push(`${message}: nothing decoded`);
    findings.push(finding('volume.empty', { offset: 0, length: length }, message));
    return { mailboxCount, warnings, event: null, findings };
  }
  if (trailing > 0) {
    const at = mailboxCount * MAILBOX_SIZE_BYTES;
    const message = `expected a whole number of ${MAILBOX_SIZE_BYTES}-byte mailboxes, got ${length} bytes: ` +
      `the last ${trailing} bytes (a partial mailbox at offset ${at}) were not decoded`;
    warnings.push(message);
    findings.push(finding('volume.trailing-partial-mailbox', { offset: at, length: trailing }, message));
  }

  let event: EventBlock | null = null;
  if (kind === 'inbox') {
    const decoded = decodeEvent(first, 0);
    event = decoded.event;
    findings.push(...decoded.findings);
  } else {
    for (let i = 0; i < MAILBOX_SIZE_BYTES; i++) {
      if (first[i] !== 0) {
        findings.push(finding('outbox.mailbox0.not-empty', { offset: 0, length: MAILBOX_SIZE_BYTES },
          'expected outbox mailbox 0 (no host) to be all zero, got non-zero bytes'));
        break;
      }
    }
  }
  return { mailboxCount, warnings, event, findings };
}

/**
 * What a decode may reuse: the volume decoded from the previous bytes of the
 * same source (same kind, options and size) and the mailboxes whose bytes
 * changed since. Every other mailbox keeps its decoded object.
 */
export interface DecodeReuse {
  previous: DecodedVolume;
  /** indexes of the mailboxes (host ids, 1..) whose bytes differ from those `previous` was decoded from */
  changed: Iterable<number>;
}

/**
 * Decodes a whole volume; with `reuse`, only the mailboxes that changed
 * (mailbox 0 and the volume's shape are always looked at again: they are cheap).
 * From a MailboxWindow, each mailbox is decoded from its own 4 KB, which its
 * decode keeps; from one buffer, each decoded mailbox gets a copy of its 4 KB.
 */
export function decodeVolume(
  source: Uint8Array | MailboxWindow, kind: VolumeKind, options: DecodeOptions = {}, reuse?: DecodeReuse,
): DecodedVolume {
  // Told apart from a buffer, not by `instanceof MailboxWindow`: the server bundles its routes and its pollers
  // apart, each with its own copy of the class, and a window made by one may be decoded by the other.
  if (!(source instanceof Uint8Array) && (source.mailboxes === 0 || source.length !== source.mailboxes * MAILBOX_SIZE_BYTES)) {
    return decodeVolume(source.bytes, kind, options, reuse); // nothing, or a partial mailbox to report: rare, and simpler whole
  }
  const maxHostId = options.maxHostId ?? DEFAULT_MAX_HOST_ID;
  const { mailboxCount, warnings, event, findings } = source instanceof Uint8Array
    ? decodeVolumeHead(source, kind)
    : decodeHead(source.length, source.mailbox(0), kind);
  if (mailboxCount === 0) return { kind, size: source.length, mailboxCount, warnings, event: null, hosts: [], findings };

  const sums = new Uint32Array(SLOTS_PER_MAILBOX);
  const decodeAt = source instanceof Uint8Array
    ? (host: number) => {
        const offset = host * MAILBOX_SIZE_BYTES;
        const mailbox = decodeMailbox(source, offset, { kind, host, maxHostId }, sums);
        // A decode outlives its read when the next reads reuse it: it must hold its own 4 KB, not the read's buffer.
        if (mailbox.slots.length > 0) detachSlots(mailbox.slots, source.slice(offset, offset + MAILBOX_SIZE_BYTES), offset);
        return mailbox;
      }
    : (host: number) => placed(decodeMailbox(source.mailbox(host), 0, { kind, host, maxHostId }, sums), host * MAILBOX_SIZE_BYTES);
  let hosts: DecodedMailbox[];
  const { previous } = reuse ?? {};
  if (previous && previous.kind === kind && previous.size === source.length && previous.hosts.length === mailboxCount - 1) {
    hosts = previous.hosts.slice();
    for (const host of reuse!.changed) if (host >= 1 && host < mailboxCount) hosts[host - 1] = decodeAt(host);
  } else {
    hosts = new Array(mailboxCount - 1);
    for (let host = 1; host < mailboxCount; host++) hosts[host - 1] = decodeAt(host);
  }
  for (const mailbox of hosts) for (const f of mailbox.findings) findings.push(f);
  return { kind, size: source.length, mailboxCount, warnings, event, hosts, findings };
}

/** A mailbox decoded from its own 4 KB, moved to where it sits in the volume: its offset and its findings' spans. */
function placed(mailbox: DecodedMailbox, offset: number): DecodedMailbox {
  mailbox.offset = offset;
  for (const f of mailbox.findings) f.span.offset += offset; // every finding once: a slot's are the mailbox's
  return mailbox;
}
