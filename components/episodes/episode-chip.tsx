import { formatClock } from '@/lib/format/units';
import type { EpisodeAt } from './episode-at';
import { VERDICT_MEANINGS, VERDICT_WORDS } from './verdict-words';

interface EpisodeChipProps {
  at: EpisodeAt;
  onOpen: (at: EpisodeAt) => void;
}

/**
 * An earlier checksum-failure episode of a mailbox that is fine at this
 * read: "✗ TORN 10:41:07 sectors 0-4 new, 5-7 old". One click travels to it.
 */
export function EpisodeChip({ at, onOpen }: EpisodeChipProps) {
  const { episode } = at;
  const word = VERDICT_WORDS[episode.verdict];
  return (
    <button
      type="button"
      className="episode-chip flex min-w-0 items-center gap-1.5"
      data-verdict={episode.verdict}
      title={`earlier: ✗ ${word} from read #${episode.startSeq} at ${formatClock(Date.parse(episode.startedAt))}, ${episode.reads} failed reads. ${VERDICT_MEANINGS[episode.verdict]}. ${episode.summary}. Click to see that read.`}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(at);
      }}
    >
      <span className="episode-word shrink-0"><span aria-hidden>✗</span> {word}</span>
      <span className="num shrink-0">{formatClock(Date.parse(episode.startedAt))}</span>
      <span className="truncate text-muted">{episode.summary}</span>
    </button>
  );
}
