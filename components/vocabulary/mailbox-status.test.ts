import { describe, expect, it } from 'vitest';
import { extend } from '@/lib/mailbox';
import { episodeAt } from '@/components/episodes/episode-at';
import { episodeOf, versionOf } from '@/test/ui/episode-of';
import { snapshotOf } from '@/test/ui/snapshot-of';
import { mailboxBadges, withVerdict } from './mailbox-status';

const req = extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128);
const tornHost = snapshotOf({ inbox: { 3: { 0: req } }, torn: [3] }).hosts[2];

describe('mailboxBadges', () => {
  it('calls a failing checksum FAILING, pending a verdict, with both sums', () => {
    const [badge] = mailboxBadges(tornHost, 10);
    expect(badge).toMatchObject({ tone: 'failing', word: 'FAILING' });
    expect(badge.detail).toMatch(/^pending… stored 0 ≠ \d+ \(checksum missing\)$/);
  });

  it('names the verdict of the episode the read belongs to, with its sectors', () => {
    const torn = episodeOf(3, [versionOf(10, 12, 'nnnooooo', { summary: 'sectors 0-2 new, 3-7 old' })]);
    expect(mailboxBadges(tornHost, 10, episodeAt(torn, 11))[0]).toMatchObject({ tone: 'torn', word: 'TORN', detail: 'sectors 0-2 new, 3-7 old' });
    const corrupt = episodeOf(3, [versionOf(10, 12, 'nxoooooo', { verdict: 'corrupt', summary: 'x' })], { verdict: 'corrupt' });
    expect(withVerdict(mailboxBadges(tornHost, 10), tornHost, episodeAt(corrupt, 10))[0]).toMatchObject({ tone: 'corrupt', word: 'CORRUPT' });
  });

  it('keeps a valid mailbox ok even when it has an earlier episode', () => {
    const ok = snapshotOf({ inbox: { 3: { 0: req } } }).hosts[2];
    const torn = episodeOf(3, [versionOf(10, 12, 'nnnooooo')]);
    const badges = mailboxBadges(ok, 10);
    expect(withVerdict(badges, ok, episodeAt(torn, 20))).toBe(badges);
    expect(badges[0]).toMatchObject({ tone: 'ok', word: 'ok' });
  });
});
