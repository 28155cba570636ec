/** The mailbox endpoint's answer: one host's raw mailboxes at a read, and as they were before their last change. */
import { mailboxesAt, previousChangeSeq, type MailboxPair } from '@/lib/sources/past-read';
import type { SourceView } from '@/lib/sources/source-view';
import { base64 } from './base64';
import { iso } from './iso';
import type { MailboxBytes, MailboxResponse } from './types';

function mailboxBytes(pair: MailboxPair): MailboxBytes {
  return {
    seq: pair.seq, readAt: iso(pair.readAt),
    inbox: pair.inbox ? base64(pair.inbox) : null, outbox: pair.outbox ? base64(pair.outbox) : null,
  };
}

/** At read `seq` (the latest when null); null once that read left the history. */
export function mailboxResponse(source: SourceView, host: number, seq: number): MailboxResponse | null {
  const current = mailboxesAt(source, host, seq);
  if (!current) return null;
  const before = previousChangeSeq(source, host, seq);
  const previous = before === null ? null : mailboxesAt(source, host, before);
  return { source: source.id, host, current: mailboxBytes(current), previous: previous && mailboxBytes(previous) };
}
