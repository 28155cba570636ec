'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import type { EpisodeJson } from '@/lib/api/history-types';
import { formatClock, formatClockMs, formatSpan } from '@/lib/format/units';
import type { HistoryBuffer, TimelineRead } from './history-buffer';
import { axisOf, binReads, pickRead, readOfSeq, stepRead, xOf } from './timeline-layout';
import { LANES, TIMELINE_HEIGHT_PX, TimelineMarks } from './timeline-marks';

export type SeekMode = 'push' | 'replace';

interface TimelineStripProps {
  history: HistoryBuffer | undefined;
  /** the last history fetch failed: said on the strip, the last reads held stay */
  error?: Error;
  episodes: readonly EpisodeJson[];
  /** the read on screen when time travelling; null: live */
  seq: number | null;
  /** null: back to live */
  onSeek: (seq: number | null, mode: SeekMode) => void;
  /** buttons at the right of the strip's title line (exports) */
  actions?: ReactNode;
}

const FINE_BIN_PX = 3;
const GLYPH_BIN_PX = 9;
/** a click this close to a read with a mark lands on it */
const SNAP_PX = 5;
/** the last few pixels mean "now": dropping the cursor there returns to live */
const LIVE_EDGE_PX = 4;

const LANE_LABELS: ReadonlyArray<[keyof typeof LANES, ReactNode]> = [
  ['mail', <>mailboxes changed</>],
  ['checksum', <><span className="font-bold text-(--ink-vermillion)">✗</span> checksum</>],
  ['requests', <><span className="font-bold text-(--ink-blue)">▲</span> requests</>],
  ['replies', <><span className="font-bold text-(--ink-green)">✓</span> replies</>],
];

function describe(r: TimelineRead): string {
  const marks = [
    r.changed > 0 && `${r.changed} changed`,
    r.failures > 0 && `✗ ${r.failures} failure${r.failures > 1 ? 's' : ''} began`,
    r.failing.length > 0 && `failing: host ${r.failing.join(', ')}`,
    r.requests > 0 && `▲ ${r.requests}`,
    r.replies > 0 && `✓ ${r.replies}`,
    r.error && 'read error',
  ].filter(Boolean);
  return `#${r.seq} · ${formatClockMs(r.at)}${marks.length ? ` · ${marks.join(' · ')}` : ''}`;
}

/** The byte cap, not the window, decides how far back the strip goes: said where the span is. */
function CapBadge({ history }: { history: HistoryBuffer }) {
  const mib = Math.round(history.maxBytes / 2 ** 20);
  return (
    <span className="shrink-0 whitespace-nowrap" data-testid="timeline-capped"
      title={`The history holds at most ${mib} MiB (MAILBOX_HISTORY_MAX_MB): on this busy pool that is less than ${formatSpan(history.historyS * 1000)} ` +
        '(MAILBOX_HISTORY_S), so the oldest reads go first. Raise MAILBOX_HISTORY_MAX_MB to keep more.'}>
      <span className="badge" data-tone="outside">⚠ CAPPED</span> <span className="text-muted">at <span className="num">{mib} MiB</span>: older reads dropped</span>
    </span>
  );
}

/** Width of an element, followed as it resizes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Reads over the history window, with marks for checksum failures (✗),
 * episodes (hatched: proven torn), requests (▲) and replies (✓). Click or
 * drag to see the grid and the bytes as they were at a read; the right
 * edge is "now".
 */
export function TimelineStrip({ history, error, episodes, seq, onSeek, actions }: TimelineStripProps) {
  const [box, width] = useWidth();
  const reads = useMemo(() => history?.reads ?? [], [history]);
  const axis = useMemo(() => axisOf(reads, width), [reads, width]);
  const fine = useMemo(() => (axis ? binReads(reads, axis, FINE_BIN_PX) : []), [reads, axis]);
  const coarse = useMemo(() => (axis ? binReads(reads, axis, GLYPH_BIN_PX) : []), [reads, axis]);
  const [hover, setHover] = useState<TimelineRead | null>(null);
  const dragging = useRef(false);

  const first = reads[0];
  const last = reads[reads.length - 1];
  const shown = seq === null ? null : readOfSeq(reads, seq);
  const cursorX = axis && shown ? xOf(axis, shown.at) : null;

  const seekAt = (event: PointerEvent<SVGSVGElement>, mode: SeekMode) => {
    if (!axis) return;
    const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
    if (x >= axis.width - LIVE_EDGE_PX) return onSeek(null, mode);
    const r = pickRead(reads, axis, x, SNAP_PX);
    if (r) onSeek(r.seq, mode);
  };

  const onKey = (event: KeyboardEvent) => {
    // the strip is a slider: arrows step reads here instead of moving the grid's selection
    const from = seq ?? last?.seq;
    if (from === undefined) return;
    let next: number | null | undefined;
    if (event.key === 'ArrowLeft') next = stepRead(reads, from, -1);
    else if (event.key === 'ArrowRight') next = seq === null ? undefined : stepRead(reads, from, 1);
    else if (event.key === 'Home') next = first?.seq;
    else if (event.key === 'End') next = null;
    else return;
    event.preventDefault();
    event.stopPropagation();
    if (next !== undefined) onSeek(next, seq === null ? 'push' : 'replace');
  };

  return (
    <section aria-label="timeline" className="shrink-0 border-t border-line-strong bg-panel" data-testid="timeline">
      <div className="flex h-7 items-center gap-3 px-3 text-[12px]">
        <h2 className="shrink-0 font-semibold">timeline</h2>
        {history && first && last ? (
          <span className="shrink-0 whitespace-nowrap text-muted" data-testid="timeline-span">
            kept <span className="num text-fg">{formatSpan(last.at - first.at)}</span> of {formatSpan(history.historyS * 1000)}
            {' '}· reads <span className="num">#{first.seq}–#{last.seq}</span> · {formatClock(first.at)} → {formatClock(last.at)}
          </span>
        ) : (
          <span className="text-muted">{history ? 'no reads kept yet' : error ? '' : 'loading the history…'}</span>
        )}
        {history?.capped && <CapBadge history={history} />}
        {error && <span role="alert" className="shrink-0 font-semibold text-(--ink-vermillion)">✗ {error.message}; retrying</span>}
        <span className="min-w-0 truncate font-mono text-[11px] text-muted" aria-live="off">{hover ? describe(hover) : 'click or drag to see a past read · ← → on the strip or [ ] step reads · { } marks'}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1.5">{actions}</span>
      </div>
      <div className="grid grid-cols-[8.5rem_minmax(0,1fr)] pr-3 pb-1">
        <div className="relative text-[11px] text-muted" style={{ height: TIMELINE_HEIGHT_PX }} aria-hidden>
          {LANE_LABELS.map(([lane, label]) => (
            <span key={lane} className="absolute right-2 whitespace-nowrap leading-none" style={{ top: LANES[lane].y + LANES[lane].h / 2 - 5 }}>{label}</span>
          ))}
        </div>
        <div ref={box} className="min-w-0">
          {axis && (
            <svg
              width={axis.width}
              height={TIMELINE_HEIGHT_PX}
              role="slider"
              tabIndex={0}
              aria-label="read shown: drag or use the arrow keys; the right end is live"
              aria-valuemin={first?.seq}
              aria-valuemax={last?.seq}
              aria-valuenow={seq ?? last?.seq}
              aria-valuetext={seq === null ? 'live' : shown ? describe(shown) : `read #${seq}`}
              data-t0={axis.t0}
              data-t1={axis.t1}
              className="timeline block cursor-crosshair touch-none select-none"
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                dragging.current = true;
                seekAt(e, 'push');
              }}
              onPointerMove={(e) => {
                if (dragging.current) seekAt(e, 'replace');
                if (!axis) return;
                const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
                setHover(pickRead(reads, axis, x, SNAP_PX));
              }}
              onPointerUp={() => (dragging.current = false)}
              onPointerCancel={() => (dragging.current = false)}
              onPointerLeave={() => setHover(null)}
              onKeyDown={onKey}
            >
              <TimelineMarks axis={axis} reads={reads} fine={fine} coarse={coarse} episodes={episodes} />
              {hover && <line x1={xOf(axis, hover.at)} x2={xOf(axis, hover.at)} y1={0} y2={LANES.axis.y} className="tl-hover" />}
              {cursorX !== null ? (
                <g data-testid="timeline-cursor">
                  <line x1={cursorX} x2={cursorX} y1={0} y2={LANES.axis.y + 4} className="tl-cursor" />
                  <path d={`M ${cursorX - 5} ${LANES.axis.y + 8} l 5 -6 l 5 6 z`} className="tl-cursor-head" />
                </g>
              ) : (
                seq === null && <rect x={axis.width - 3} width={3} y={0} height={LANES.axis.y} className="tl-live" />
              )}
            </svg>
          )}
        </div>
      </div>
    </section>
  );
}
