'use client';

import type { EpisodeJson } from '@/lib/api/history-types';
import { useNow } from '@/components/ui/use-now';
import { formatAge, formatClock, formatSpan } from '@/lib/format/units';
import { SectorStrip } from './sector-strip';
import { sectorTags } from './sector-tags';
import { VERDICT_MEANINGS, VERDICT_WORDS } from './verdict-words';

interface EpisodesTableProps {
  episodes: readonly EpisodeJson[];
  /** the read on screen when time travelling */
  seq: number | null;
  onOpen: (episode: EpisodeJson) => void;
}

const TONE = { torn: 'torn', corrupt: 'corrupt', pending: 'failing', unproven: 'failing' } as const;

/** Every checksum-failure episode in the history, newest first; a click shows its last failed read. */
export function EpisodesTable({ episodes, seq, onOpen }: EpisodesTableProps) {
  const now = useNow();
  if (episodes.length === 0) return <p className="px-3 py-3 text-[12px] text-muted">No mailbox failed its checksum in the history kept.</p>;
  return (
    <table className="w-full border-collapse whitespace-nowrap text-[12px]" aria-label="checksum-failure episodes" data-testid="episodes">
      <thead className="sticky top-0 z-10 bg-panel text-left text-muted">
        <tr className="border-b border-line-strong">
          <th className="px-2 py-0.5 text-right font-semibold">host</th>
          <th className="px-2 font-semibold">verdict</th>
          <th className="px-2 font-semibold" title="local time of the first failed read">began</th>
          <th className="px-2 text-right font-semibold" title="first failed read → first valid read after it">lasted</th>
          <th className="px-2 text-right font-semibold" title="failed reads (reads the SPM logged “checksum failed”)">reads</th>
          <th className="px-2 font-semibold" title="the last failed read, sector by sector">sectors</th>
          <th className="px-2 font-semibold">proof</th>
          <th className="px-2 text-right font-semibold" title="messages the SPM dropped while the checksum failed">dropped</th>
        </tr>
      </thead>
      <tbody>
        {[...episodes].sort((a, b) => b.startSeq - a.startSeq || a.host - b.host).map((e) => {
          const last = e.versions[e.versions.length - 1];
          const tags = last ? sectorTags(last, !e.beforeMissing) : null;
          const here = seq !== null && e.startSeq <= seq && seq <= e.endSeq;
          const started = Date.parse(e.startedAt);
          return (
            <tr key={e.id} data-episode-host={e.host} data-verdict={e.verdict} aria-selected={here} onClick={() => onOpen(e)}
              className={`cursor-pointer border-b border-line ${here ? 'bg-(--selected-row)' : 'hover:bg-hover'}`}>
              <td className="num px-2">{e.host}</td>
              <td className="px-2" title={VERDICT_MEANINGS[e.verdict]}>
                <span className="badge" data-tone={TONE[e.verdict]}><span aria-hidden>✗</span>{VERDICT_WORDS[e.verdict]}</span>
              </td>
              <td className="px-2"><span className="num">{formatClock(started)}</span> <span className="text-[11px] text-muted">{formatAge(now - started)}</span></td>
              <td className="num px-2">{e.resolvedSeq === null ? <span className="text-muted">{formatSpan(e.durationMs)}…</span> : formatSpan(e.durationMs)}</td>
              <td className="num px-2">{e.reads} <span className="text-muted">({e.spmFailures})</span></td>
              <td className="px-2">{tags ? <SectorStrip tags={tags} /> : <span className="text-faint">—</span>}</td>
              <td className="max-w-[36rem] truncate px-2" title={e.summary}>{e.summary}</td>
              <td className="num px-2">{e.droppedMessages.length}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
