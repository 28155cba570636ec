/**
 * A series of dumps as the reads of a history: one ReadSample per step, in
 * the series' order, each volume cut to its whole mailboxes. Read times are
 * the files' modification times when they follow the order, else one second
 * apart (and a warning says so).
 */
import type { ReadSample, VolumeSample } from '@/lib/history/types';
import type { VolumeKind } from '@/lib/mailbox';
import { checkDumpSize } from './check-size';
import { volumeAtSteps, type FileMeta, type SeriesStep } from './series';

export interface SeriesReads {
  reads: ReadSample[];
  /** about the series as a whole (times, sizes that change between steps) */
  warnings: string[];
  /** files that cannot be read as a volume, with why */
  errors: string[];
}

const STEP_SPACING_MS = 1000;

/** readAt of each step: modification times if they never go back, else evenly spaced from the first. */
export function stepTimes(steps: readonly SeriesStep[]): { times: number[]; warning: string | null } {
  const mtimes = steps.map((s) => s.lastModified);
  const monotonic = mtimes.every((t, i) => i === 0 || t > mtimes[i - 1]);
  if (monotonic || steps.length <= 1) return { times: mtimes, warning: null };
  const start = Math.min(...mtimes);
  return {
    times: steps.map((_, i) => start + i * STEP_SPACING_MS),
    warning: 'the files\' modification times do not follow the chosen order (or repeat): the reads are placed 1 s apart, so durations on screen are not real',
  };
}

export function seriesReads<F extends FileMeta>(
  steps: readonly SeriesStep<F>[],
  bytesOf: (file: F) => Uint8Array,
): SeriesReads {
  const warnings: string[] = [];
  const errors: string[] = [];
  const { times, warning } = stepTimes(steps);
  if (warning) warnings.push(warning);

  const checked = new Map<F, VolumeSample>();
  const sample = (file: F | null): VolumeSample | null => {
    if (!file) return null;
    const known = checked.get(file);
    if (known) return known;
    const check = checkDumpSize(file.name, file.size);
    let s: VolumeSample;
    if (!check.ok) {
      errors.push(check.error);
      s = { bytes: null, path: file.name, error: { code: 'not_a_volume', message: check.error }, warnings: [] };
    } else {
      // A view, not a copy: the history copies what it keeps.
      s = { bytes: bytesOf(file).subarray(0, check.wholeBytes), path: file.name, warnings: check.warning ? [check.warning] : [] };
    }
    checked.set(file, s);
    return s;
  };

  const perKind = (kind: VolumeKind) => volumeAtSteps(steps, kind);
  const inboxes = perKind('inbox');
  const outboxes = perKind('outbox');
  for (const kind of ['inbox', 'outbox'] as const) {
    const sizes = new Set(perKind(kind).flatMap((f) => (f ? [Math.floor(f.size / 4096)] : [])));
    if (sizes.size > 1) warnings.push(`the ${kind} dumps hold different numbers of mailboxes (${[...sizes].join(', ')}): each read shows the mailboxes its own dump holds`);
  }
  const reads = steps.map((_, i) => ({
    seq: i + 1,
    readAt: times[i],
    inbox: sample(inboxes[i]),
    outbox: sample(outboxes[i]),
  }));
  return { reads, warnings, errors };
}
