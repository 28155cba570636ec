/**
 * What a host row's status column says about its mailbox: a list of badges,
 * worst first, each with a glyph, a word and a detail, so it reads without
 * colour. `tone` picks the colours in globals.css (`data-tone`).
 */
import type { HostSnapshot } from '@/lib/api/types';

export type BadgeTone = 'torn' | 'corrupt' | 'stale' | 'outside' | 'unread' | 'ok' | 'empty';

export interface Badge {
  tone: BadgeTone;
  glyph: string;
  word: string;
  detail: string;
}

export function mailboxBadges(host: HostSnapshot, maxHostId: number): Badge[] {
  const badges: Badge[] = [];
  const inbox = host.inbox;
  const hasMail = (inbox?.slots.length ?? 0) > 0 || (host.outbox?.slots.length ?? 0) > 0;
  if (!inbox) {
    badges.push({ tone: 'unread', glyph: '?', word: 'UNREAD', detail: 'inbox not read' });
  } else if (inbox.state === 'checksum_missing' || inbox.state === 'checksum_mismatch') {
    const sum = inbox.checksum!;
    const detail = `stored ${sum.stored} ≠ ${sum.computed}`;
    if (!inbox.spmReads) {
      badges.push({ tone: 'stale', glyph: '✗', word: 'STALE', detail: `${detail}, no mail: ignored` });
    } else if (inbox.state === 'checksum_missing') {
      badges.push({ tone: 'torn', glyph: '✗', word: 'TORN', detail });
    } else {
      badges.push({ tone: 'corrupt', glyph: '✗', word: 'CHECKSUM', detail });
    }
  }
  if (host.outsideWindow && hasMail) {
    badges.push({ tone: 'outside', glyph: '⚠', word: 'OUTSIDE WINDOW', detail: `the SPM reads hosts 1..${maxHostId - 1} only` });
  }
  if (badges.length === 0 && inbox) {
    if (inbox.state === 'valid') badges.push({ tone: 'ok', glyph: '', word: 'ok', detail: String(inbox.checksum?.computed ?? 0) });
    else badges.push({ tone: 'empty', glyph: '', word: hasMail ? 'empty inbox' : 'empty', detail: '' });
  }
  return badges;
}
