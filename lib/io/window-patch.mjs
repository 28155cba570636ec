// How a read's changed mailboxes cross from the reader's thread: which ones
// changed since the last window, and their bytes one after another in
// mailbox order (MailboxWindow.patched applies them). Plain JavaScript, as
// lib/io/read-worker.mjs that uses it; bench:ingest replays polls with it.
const MAILBOX_SIZE_BYTES = 4096;

/** Per mailbox, 1 when its bytes in `window` differ from `last`'s (two Buffers of one size), and how many do. */
export function changedMailboxes(window, last) {
  const flags = new Uint8Array(window.length / MAILBOX_SIZE_BYTES);
  let count = 0;
  for (let i = 0; i < flags.length; i++) {
    const start = i * MAILBOX_SIZE_BYTES;
    if (window.compare(last, start, start + MAILBOX_SIZE_BYTES, start, start + MAILBOX_SIZE_BYTES) !== 0) {
      flags[i] = 1;
      count++;
    }
  }
  return { flags, count };
}

/** The bytes of the `count` mailboxes flagged in `flags`, one after another in mailbox order, in an ArrayBuffer of their own. */
export function patchOf(window, flags, count) {
  const patch = new ArrayBuffer(count * MAILBOX_SIZE_BYTES);
  const out = new Uint8Array(patch);
  for (let i = 0, at = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    out.set(window.subarray(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES), at);
    at += MAILBOX_SIZE_BYTES;
  }
  return patch;
}
