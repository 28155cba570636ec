import type { EpisodeAt } from './episode-at';
import { SectorStrip } from './sector-strip';
import { tonesUsed, type SectorTag } from './sector-tags';
import { VERDICT_MEANINGS, VERDICT_WORDS } from './verdict-words';

/**
 * The line above a failed read's hex: the verdict, the sectors at a glance,
 * and what each sector tag means, with the reads it was compared with.
 */
export function SectorLegend({ at, tags }: { at: EpisodeAt; tags: readonly SectorTag[] }) {
  const { episode, version } = at;
  const verdict = version?.verdict ?? episode.verdict;
  const compared = [
    episode.beforeSeq !== null ? `before: read #${episode.beforeSeq}` : 'no valid read before in history',
    episode.resolvedSeq !== null ? `after: read #${episode.resolvedSeq}` : 'no valid read after yet',
  ].join(' · ');
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[12px]" data-testid="sector-legend">
      <span className="badge" data-tone={verdict === 'torn' ? 'torn' : verdict === 'corrupt' ? 'corrupt' : 'failing'} title={VERDICT_MEANINGS[verdict]}>
        <span aria-hidden>✗</span>{VERDICT_WORDS[verdict]}
      </span>
      <SectorStrip tags={tags} />
      <span className="font-semibold">{version?.summary ?? episode.summary}</span>
      <span className="text-muted">({compared})</span>
      <span className="flex flex-wrap gap-2 text-muted">
        {tonesUsed(tags).map((look) => (
          <span key={look.tone} className="flex items-center gap-1" title={look.meaning}>
            <span className="band-tag" data-band={look.tone}>{look.glyph} {look.word}</span>
            <span className="text-[11px]">{look.meaning}</span>
          </span>
        ))}
      </span>
    </div>
  );
}
