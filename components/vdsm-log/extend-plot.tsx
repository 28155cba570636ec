import type { ExtendCompletion } from '@/lib/vdsm-log';

const W = 640;
const H = 160;
const PAD = 28;

/** Extend total time over the log's time: one dot per completion, a line at p95. */
export function ExtendPlot({ series, p95 }: { series: ExtendCompletion[]; p95: number | null }) {
  const points = series.filter((s) => s.totalS !== null && s.time).map((s) => ({ t: Date.parse(s.time!.length > 23 ? s.time! : `${s.time}Z`), v: s.totalS! }));
  if (points.length === 0) return null;
  const t0 = Math.min(...points.map((p) => p.t));
  const t1 = Math.max(...points.map((p) => p.t), t0 + 1);
  const vMax = Math.max(...points.map((p) => p.v), 0.001);
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / vMax) * (H - 2 * PAD);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-[640px]" role="img" aria-label={`extend total time of ${points.length} extends over time`} data-extend-plot>
      <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="var(--line-strong)" />
      <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="var(--line-strong)" />
      <text x={2} y={PAD} fontSize="10" fill="var(--muted)">{vMax.toFixed(2)} s</text>
      <text x={2} y={H - PAD} fontSize="10" fill="var(--muted)">0</text>
      {p95 !== null && (
        <g>
          <line x1={PAD} x2={W - PAD} y1={y(p95)} y2={y(p95)} stroke="var(--ink-orange)" strokeDasharray="4 3" />
          <text x={W - PAD} y={y(p95) - 3} fontSize="10" textAnchor="end" fill="var(--ink-orange)">p95 {p95.toFixed(2)} s</text>
        </g>
      )}
      {points.map((p, i) => <circle key={i} cx={x(p.t)} cy={y(p.v)} r={2.5} fill="var(--ink-blue)" />)}
      <text x={PAD} y={H - 8} fontSize="10" fill="var(--muted)">{new Date(t0).toISOString().slice(0, 19)}</text>
      <text x={W - PAD} y={H - 8} fontSize="10" textAnchor="end" fill="var(--muted)">{new Date(t1).toISOString().slice(0, 19)}</text>
    </svg>
  );
}
