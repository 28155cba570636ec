/** What the fleet tests write into a pool: garbage that never heals, and a request nobody answers. */
import { checksum, encodeMailbox, extend, writeChecksum } from '@/lib/mailbox';
import { DOMAIN, volumeUuid } from '../support/pool';

export const CORRUPT_HOST = 4;
export const UNANSWERED_HOST = 6;

/** Host CORRUPT_HOST's mailbox with one request and a stored checksum one more than its bytes sum to. */
export function corruptMailbox(): Uint8Array {
  const bytes = encodeMailbox({ 0: extend(DOMAIN, volumeUuid(CORRUPT_HOST, 0), 2048) });
  writeChecksum(bytes, 0, checksum(bytes) + 1);
  return bytes;
}

/** Host UNANSWERED_HOST asks for an extend in slot 2; no SPM will ever reply. */
export function unansweredRequest(): Uint8Array {
  return encodeMailbox({ 2: extend(DOMAIN, volumeUuid(UNANSWERED_HOST, 2), 4096) });
}
