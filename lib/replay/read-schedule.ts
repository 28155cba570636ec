/**
 * When the replay's reader reads, in trace seconds: every `intervalMs` from
 * `phaseMs` (vdsm's event-driven SPM reads every 500 ms), or at given times
 * (e.g. the reads a real SPM logged). Sorted, from 0 to one interval past the
 * last write so the end state is read too.
 */
export type ReadSchedule = { intervalMs: number; phaseMs?: number } | { times: number[] };

export const DEFAULT_POLL_MS = 500;

export function readTimes(schedule: ReadSchedule, lastWriteT: number): number[] {
  if ('times' in schedule) return [...schedule.times].filter((t) => t >= 0).sort((a, b) => a - b);
  const interval = schedule.intervalMs;
  if (!(interval > 0)) return [];
  // In ms, then to seconds: 200 ms is 0.2 s, not 0.19999999999999996.
  const phase = (((schedule.phaseMs ?? 0) % interval) + interval) % interval;
  const out: number[] = [];
  for (let k = 0; phase + k * interval <= lastWriteT * 1000 + interval; k++) out.push((phase + k * interval) / 1000);
  return out;
}
