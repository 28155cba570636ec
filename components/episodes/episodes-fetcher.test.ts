import { describe, expect, it } from 'vitest';
import { createEpisodesFetcher, FULL_FETCH_EVERY_MS, mergeEpisodes } from './episodes-fetcher';
import { episodeOf, versionOf } from '@/test/ui/episode-of';

const pending = episodeOf(3, [versionOf(10, 12, null)]);
const resolved = episodeOf(3, [versionOf(10, 12, 'nnnooooo')]);
const other = episodeOf(5, [versionOf(20, 20, 'nooooooo')]);

function server(answers: Array<unknown[]>) {
  const asked: string[] = [];
  const fetchImpl = async (url: string) => {
    asked.push(url);
    const body = answers.shift() ?? [];
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'X-Total-Count': String(body.length) } });
  };
  return { asked, fetchImpl };
}

describe('mergeEpisodes', () => {
  it('replaces an episode whose updatedSeq moved, keeps newest first, and keeps the same buffer when nothing changed', () => {
    const first = mergeEpisodes(null, { episodes: [pending], total: 1 }, true);
    expect(first.cursor).toBe(12);
    const second = mergeEpisodes(first, { episodes: [other, resolved], total: 2 }, false);
    expect(second.episodes.map((e) => [e.host, e.verdict])).toEqual([[5, 'torn'], [3, 'torn']]);
    expect(second.cursor).toBe(21);
    expect(mergeEpisodes(second, { episodes: [other], total: 1 }, false)).toBe(second);
  });
});

describe('createEpisodesFetcher', () => {
  it('fetches everything once, then only what changed since the newest update, and everything again after a while', async () => {
    let now = 0;
    const { asked, fetchImpl } = server([[pending], [resolved], [], [resolved]]);
    const fetchEpisodes = createEpisodesFetcher(fetchImpl, () => now);
    const a = await fetchEpisodes('/api/sources/s/episodes');
    const b = await fetchEpisodes('/api/sources/s/episodes');
    expect(b.episodes[0].verdict).toBe('torn');
    const c = await fetchEpisodes('/api/sources/s/episodes');
    expect(c).toBe(b);
    now = FULL_FETCH_EVERY_MS + 1;
    const d = await fetchEpisodes('/api/sources/s/episodes');
    expect(d).toBe(b); // a full answer equal to what is held re-renders nothing
    expect(asked).toEqual([
      '/api/sources/s/episodes', '/api/sources/s/episodes?since=12', '/api/sources/s/episodes?since=13', '/api/sources/s/episodes',
    ]);
    expect(a.episodes[0].verdict).toBe('pending');
  });
});
