import { memo } from 'react';
import type { EpisodeJson } from '@/lib/api/history-types';
import { formatClock } from '@/lib/format/units';
import { VERDICT_WORDS } from '@/components/episodes/verdict-words';
import type { TimelineRead } from './history-buffer';
import type { TimelineBin, TimeAxis } from './timeline-layout';
import { failingSpans, ticks, xOf } from './timeline-layout';

/** Lane geometry in px, shared with the lane labels. */
export const LANES = {
  mail: { y: 2, h: 14 },
  checksum: { y: 18, h: 14 },
  requests: { y: 34, h: 12 },
  replies: { y: 48, h: 12 },
  axis: { y: 62, h: 14 },
} as const;
export const TIMELINE_HEIGHT_PX = LANES.axis.y + LANES.axis.h;

interface MarksProps {
  axis: TimeAxis;
  reads: readonly TimelineRead[];
  /** fine bins, a few px: the mail bars */
  fine: readonly TimelineBin[];
  /** wider bins, one glyph wide: ✗ ▲ ✓ */
  coarse: readonly TimelineBin[];
  episodes: readonly EpisodeJson[];
}

/** Everything on the timeline that follows the data, not the pointer: redrawn only when the history changes. */
export const TimelineMarks = memo(function TimelineMarks({ axis, reads, fine, coarse, episodes }: MarksProps) {
  // The server's first read lists every mailbox as changed: it would flatten every other bar.
  const maxChanged = Math.max(1, ...fine.filter((b) => b.firstSeq > 1).map((b) => b.changed));
  const barHeight = (n: number) => (n === 0 ? 0 : Math.min(LANES.mail.h, Math.max(2, (Math.log2(n + 1) / Math.log2(maxChanged + 1)) * LANES.mail.h)));
  const { mail, checksum, requests, replies, axis: axisLane } = LANES;
  const glyphY = (lane: { y: number; h: number }) => lane.y + lane.h - 2;
  return (
    <g>
      <defs>
        <pattern id="tl-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" className="tl-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="5" className="tl-hatch-line" strokeWidth="2.5" />
        </pattern>
      </defs>
      {Object.values(LANES).slice(0, 4).map((lane) => (
        <line key={lane.y} x1={0} x2={axis.width} y1={lane.y + lane.h + 0.5} y2={lane.y + lane.h + 0.5} className="tl-rule" />
      ))}
      {fine.map((b) => (
        <g key={b.x}>
          {b.changed > 0 && <rect x={b.x} width={Math.max(1, b.width - 1)} y={mail.y + mail.h - barHeight(b.changed)} height={barHeight(b.changed)} className="tl-mail" />}
          {b.error && <rect x={b.x} width={b.width} y={mail.y} height={2} className="tl-error" />}
        </g>
      ))}
      {failingSpans(reads, axis).map((span) => (
        <rect key={span.x0} x={span.x0} width={span.x1 - span.x0} y={checksum.y + 3} height={checksum.h - 6} className="tl-failing" />
      ))}
      {episodes.map((e) => {
        const x0 = xOf(axis, Date.parse(e.startedAt));
        const x1 = xOf(axis, Date.parse(e.resolvedAt ?? e.endedAt));
        if (x1 < 0) return null;
        return (
          <rect key={e.id} x={Math.max(0, x0)} width={Math.max(3, x1 - Math.max(0, x0))} y={checksum.y + 1} height={checksum.h - 2}
            className="tl-episode" data-verdict={e.verdict}>
            <title>{`host ${e.host}: ✗ ${VERDICT_WORDS[e.verdict]} at ${formatClock(Date.parse(e.startedAt))}, ${e.reads} reads · ${e.summary}`}</title>
          </rect>
        );
      })}
      {coarse.map((b) => {
        const cx = b.x + b.width / 2;
        return (
          <g key={b.x}>
            {b.failures > 0 && <text x={cx} y={glyphY(checksum)} className="tl-glyph tl-failure">✗</text>}
            {b.requests > 0 && <text x={cx} y={glyphY(requests)} className="tl-glyph tl-request">▲</text>}
            {b.replies > 0 && <text x={cx} y={glyphY(replies)} className="tl-glyph tl-reply">✓</text>}
          </g>
        );
      })}
      {ticks(axis, 90).map((t) => {
        const x = xOf(axis, t);
        return (
          <g key={t}>
            <line x1={x} x2={x} y1={axisLane.y} y2={axisLane.y + 3} className="tl-tick" />
            {x > 24 && x < axis.width - 90 && <text x={x} y={axisLane.y + axisLane.h - 2} className="tl-tick-label" textAnchor="middle">{formatClock(t)}</text>}
          </g>
        );
      })}
      <text x={axis.width - 2} y={axisLane.y + axisLane.h - 2} className="tl-tick-label" textAnchor="end">latest read</text>
    </g>
  );
});
