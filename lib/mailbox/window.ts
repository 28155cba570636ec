/**
 * A volume's window as a list of mailboxes, each its own 4 KB copy. The
 * next read's window shares the mailboxes that did not change and holds
 * copies of those that did, so a poll that changed 200 mailboxes makes
 * 800 KB of new memory instead of a fresh 8 MiB window. Nothing here is
 * ever written after it is made: a decode or the history may keep any
 * mailbox for as long as it likes.
 */
import { MAILBOX_SIZE_BYTES } from './constants';

export class MailboxWindow {
  /** How many windows were joined into one buffer (`bytes`), all windows together: the live path should not need to. */
  static joined = 0;

  private constructor(
    /** bytes in the window (whole mailboxes, plus any trailing part of one, which only `bytes` holds) */
    readonly length: number,
    private readonly chunks: readonly Uint8Array[],
    private whole: Uint8Array | null,
  ) {}

  /**
   * A window from one buffer, copied mailbox by mailbox. The buffer is not kept unless it ends with a
   * partial mailbox (only `bytes` has those): a quiet pool's window lasts, and would hold it twice.
   */
  static of(bytes: Uint8Array): MailboxWindow {
    const count = Math.floor(bytes.length / MAILBOX_SIZE_BYTES);
    const chunks = new Array<Uint8Array>(count);
    for (let i = 0; i < count; i++) chunks[i] = bytes.slice(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES);
    return new MailboxWindow(bytes.length, chunks, bytes.length === count * MAILBOX_SIZE_BYTES ? null : bytes);
  }

  /**
   * This window with the mailboxes flagged in `changed` (1 per changed mailbox)
   * replaced by the next 4 KB of `patch`, in mailbox order.
   */
  patched(changed: Uint8Array, patch: Uint8Array): MailboxWindow {
    const { chunks } = this;
    let count = 0;
    for (let i = 0; i < changed.length; i++) count += changed[i] ? 1 : 0;
    if (changed.length !== chunks.length || this.length !== chunks.length * MAILBOX_SIZE_BYTES || patch.length !== count * MAILBOX_SIZE_BYTES) {
      throw new RangeError(`a patch of ${patch.length} bytes for ${count} of ${changed.length} mailboxes does not fit a window of ${chunks.length} mailboxes (${this.length} bytes)`);
    }
    const next = chunks.slice();
    for (let i = 0, at = 0; i < changed.length; i++) {
      if (!changed[i]) continue;
      next[i] = patch.slice(at, at + MAILBOX_SIZE_BYTES); // its own 4 KB: the patch's other mailboxes may go before it
      at += MAILBOX_SIZE_BYTES;
    }
    return new MailboxWindow(this.length, next, null);
  }

  /** Whole mailboxes in the window. */
  get mailboxes(): number {
    return this.chunks.length;
  }

  /** Mailbox `index`'s 4096 bytes (a buffer of its own: keep it, never write it). */
  mailbox(index: number): Uint8Array {
    const chunk = this.chunks[index];
    if (chunk === undefined) throw new RangeError(`mailbox ${index} is not in a window of ${this.chunks.length} mailboxes`);
    return chunk;
  }

  /** The whole window in one buffer, joined on first use (8 MiB at 2000 hosts: for exports, not for every poll). */
  get bytes(): Uint8Array {
    if (this.whole === null) {
      const out = new Uint8Array(this.length);
      for (let i = 0; i < this.chunks.length; i++) out.set(this.chunks[i], i * MAILBOX_SIZE_BYTES);
      this.whole = out;
      MailboxWindow.joined++;
    }
    return this.whole;
  }
}

/** A read's mailboxes: a live read's window, or one buffer (a dump, a read rebuilt from the history). */
export type Mailboxes = MailboxWindow | Uint8Array;

/**
 * A read's mailboxes: its window when it has one, else its bytes. The window first: a live read's `bytes`
 * is joined from its window when read (8 MiB at 2000 hosts), which per-poll work must not do.
 */
export function mailboxesOf(read: { window?: MailboxWindow | null; bytes: Uint8Array | null } | null | undefined): Mailboxes | null {
  return read?.window ?? read?.bytes ?? null;
}

/** Whole mailboxes in `source`. */
export function mailboxCount(source: Mailboxes): number {
  // Not `instanceof MailboxWindow`: the server's routes and its pollers are bundled apart, each with its own class.
  return source instanceof Uint8Array ? Math.floor(source.length / MAILBOX_SIZE_BYTES) : source.mailboxes;
}

/** Mailbox `index`'s 4096 bytes: a window's own (keep it), or a view into the buffer (copy it to keep it). */
export function mailboxAt(source: Mailboxes, index: number): Uint8Array {
  return source instanceof Uint8Array ? source.subarray(index * MAILBOX_SIZE_BYTES, (index + 1) * MAILBOX_SIZE_BYTES) : source.mailbox(index);
}
