import { describe, expect, it } from 'vitest';
import { episodeOf, versionOf } from '@/test/ui/episode-of';
import { episodeAt, episodesAt, episodeTarget } from './episode-at';
import { sectorTags } from './sector-tags';

// host 3 torn over reads 10..15: three distinct failed contents, valid again at 16
const torn = episodeOf(3, [versionOf(10, 11, 'nooooooo'), versionOf(12, 13, 'nnoooooo'), versionOf(14, 15, 'nnnooooo')]);
const pending = episodeOf(4, [versionOf(20, 22, null, { changedSectors: [0, 1] })]);

describe('episodeAt', () => {
  it('finds the failed content a past read saw, with hindsight of the verdict', () => {
    expect(episodeAt(torn, 12)).toMatchObject({ during: true, version: { seq: 12, sectors: 'nnoooooo' } });
    expect(episodeAt(torn, 15)!.version!.sectors).toBe('nnnooooo');
    expect(episodeAt(torn, 9)).toBeNull();
  });

  it('shows a resolved episode as earlier, not during, after it ended and on the live read', () => {
    expect(episodeAt(torn, 16)).toMatchObject({ during: false, version: null });
    expect(episodeAt(torn, null)).toMatchObject({ during: false });
  });

  it('keeps a pending episode during on reads newer than what the episode list has seen', () => {
    expect(episodeAt(pending, null)).toMatchObject({ during: true, version: { seq: 20 } });
    expect(episodeAt(pending, 25)).toMatchObject({ during: true, version: { seq: 20 } });
  });

  it('gives each host its latest episode begun by the read', () => {
    const later = episodeOf(3, [versionOf(30, 30, 'nxoooooo')], { verdict: 'corrupt' });
    const map = episodesAt([torn, pending, later], 21);
    expect(map.get(3)!.episode).toBe(torn);
    expect(map.get(4)!.during).toBe(true);
    expect(episodesAt([torn, later], null).get(3)!.episode).toBe(later);
    expect(episodesAt([torn], 5).size).toBe(0);
  });

  it('travels to the last failed content', () => {
    expect(episodeTarget(torn)).toBe(14);
  });
});

describe('sectorTags', () => {
  it('tags each sector of a proven read new, old, unchanged, neither, in between or unknown', () => {
    expect(sectorTags(versionOf(1, 1, 'nn=ox?io'))!.map((t) => `${t.glyph} ${t.word}`)).toEqual([
      '● new', '● new', '= unchanged', '○ old', '✗ neither', '? unknown', '◐ in between', '○ old',
    ]);
  });

  it('says which sectors changed while the verdict is pending, and nothing without a read before', () => {
    const tags = sectorTags(versionOf(1, 1, null, { changedSectors: [0, 1] }))!;
    expect(tags.map((t) => t.tone)).toEqual(['changed', 'changed', 'kept', 'kept', 'kept', 'kept', 'kept', 'kept']);
    expect(sectorTags(versionOf(1, 1, null), false)).toBeNull();
  });
});
