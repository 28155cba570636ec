/**
 * Whether an opened file can be a volume: any whole number of 4096-byte
 * mailboxes; a trailing partial mailbox is left out with a warning, as the
 * server does; less than one mailbox is an error naming the file.
 */
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

export type SizeCheck =
  | { ok: true; mailboxes: number; wholeBytes: number; warning: string | null }
  | { ok: false; error: string };

export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function checkDumpSize(name: string, size: number): SizeCheck {
  const mailboxes = Math.floor(size / MAILBOX_SIZE_BYTES);
  if (mailboxes === 0) {
    return {
      ok: false,
      error: `${name}: ${grouped(size)} bytes, expected at least one whole ${grouped(MAILBOX_SIZE_BYTES)}-byte mailbox ` +
        '(open a dd copy of the inbox or outbox volume, or of its first mailboxes)',
    };
  }
  const wholeBytes = mailboxes * MAILBOX_SIZE_BYTES;
  const trailing = size - wholeBytes;
  const warning = trailing === 0 ? null
    : `${name} is ${grouped(size)} bytes: ${grouped(mailboxes)} whole mailboxes, the last ${grouped(trailing)} bytes (a partial mailbox) were not read`;
  return { ok: true, mailboxes, wholeBytes, warning };
}
