/**
 * What a host row's status column says about its mailbox: a list of badges,
 * worst first, each with a glyph, a word and a detail, so it reads without
 * colour. `tone` picks the colours in globals.css (`data-tone`).
 *
 * A failing checksum is FAILING until the episode has a verdict: TORN (a
 * proven mix of the reads before and after), CORRUPT (not explained by a
 * tear), UNPROVEN (no valid read before it in history).
 */
import { readWindowText } from '@/lib/mailbox';
import type { HostSnapshot } from '@/lib/api/types';
import { hasSlots } from '@/lib/api/cells';
import type { EpisodeAt } from '@/components/episodes/episode-at';

export type BadgeTone = 'failing' | 'torn' | 'corrupt' | 'stale' | 'outside' | 'unread' | 'ok' | 'empty';

export interface Badge {
  tone: BadgeTone;
  glyph: string;
  word: string;
  detail: string;
}

function failingBadge(stored: number, computed: number, missing: boolean, at: EpisodeAt | null | undefined): Badge {
  const sums = `stored ${stored} ≠ ${computed}`;
  const verdict = at?.during ? at.episode.verdict : 'pending';
  const summary = at?.version?.summary ?? at?.episode.summary ?? '';
  switch (verdict) {
    case 'torn': return { tone: 'torn', glyph: '✗', word: 'TORN', detail: summary };
    case 'corrupt': return { tone: 'corrupt', glyph: '✗', word: 'CORRUPT', detail: summary };
    case 'unproven': return { tone: 'failing', glyph: '✗', word: 'UNPROVEN', detail: `${sums}: no valid read before it in history` };
    default: return { tone: 'failing', glyph: '✗', word: 'FAILING', detail: `pending… ${sums}${missing ? ' (checksum missing)' : ''}` };
  }
}

/** `episode`: the host's checksum-failure episode at this read, when known (it names the verdict). */
export function mailboxBadges(host: HostSnapshot, maxHostId: number, episode?: EpisodeAt | null): Badge[] {
  const badges: Badge[] = [];
  const inbox = host.inbox;
  const hasMail = hasSlots(inbox) || hasSlots(host.outbox);
  if (!inbox) {
    badges.push({ tone: 'unread', glyph: '?', word: 'UNREAD', detail: 'inbox not read' });
  } else if (inbox.state === 'checksum_missing' || inbox.state === 'checksum_mismatch') {
    const sum = inbox.checksum!;
    if (!inbox.spmReads) {
      badges.push({ tone: 'stale', glyph: '✗', word: 'STALE', detail: `stored ${sum.stored} ≠ ${sum.computed}, no mail: ignored` });
    } else {
      badges.push(failingBadge(sum.stored, sum.computed, inbox.state === 'checksum_missing', episode));
    }
  }
  if (host.outsideWindow && hasMail) {
    badges.push({ tone: 'outside', glyph: '⚠', word: 'OUTSIDE WINDOW', detail: readWindowText(maxHostId) });
  }
  if (badges.length === 0 && inbox) {
    if (inbox.state === 'valid') badges.push({ tone: 'ok', glyph: '', word: 'ok', detail: String(inbox.checksum?.computed ?? 0) });
    else badges.push({ tone: 'empty', glyph: '', word: hasMail ? 'empty inbox' : 'empty', detail: '' });
  }
  return badges;
}

/** The badges of a row built before the episodes were known, with the FAILING badge named by the verdict. */
export function withVerdict(badges: readonly Badge[], host: HostSnapshot, episode: EpisodeAt | null | undefined): readonly Badge[] {
  const sum = host.inbox?.checksum;
  if (!episode?.during || !sum || !badges.some((b) => b.tone === 'failing')) return badges;
  const missing = host.inbox!.state === 'checksum_missing';
  return badges.map((b) => (b.tone === 'failing' ? failingBadge(sum.stored, sum.computed, missing, episode) : b));
}
