/**
 * Opened dumps grouped into series: the files of one group (same name
 * pattern) paired inbox with outbox by their step mark, and ordered by name
 * or by modification time. Each step becomes one read of the history.
 */
import type { VolumeKind } from '@/lib/mailbox';
import { compareSteps, recognise, type FileRole } from './recognise';

/** What the series needs to know of a file; the bytes stay with the caller. */
export interface FileMeta {
  /** a stable id within the opened set (e.g. its index) */
  id: string;
  name: string;
  size: number;
  /** epoch ms, File.lastModified */
  lastModified: number;
  /** set when the person said what the file is; else recognised by name */
  role?: FileRole;
}

export interface SeriesStep<F extends FileMeta = FileMeta> {
  /** the step mark shared by the pair ('' = unmarked) */
  key: string;
  inbox: F | null;
  outbox: F | null;
  /** the newest modification time of the step's files */
  lastModified: number;
}

export interface DumpSeries<F extends FileMeta = FileMeta> {
  /** the name pattern the files share, e.g. `*` for inbox/outbox, `case-1234-*.dump` */
  group: string;
  steps: SeriesStep<F>[];
}

export type SeriesOrder = 'name' | 'mtime';

export function roleOf(file: FileMeta): FileRole {
  return file.role ?? recognise(file.name).role;
}

function groupOf(file: FileMeta): { group: string; step: string } {
  const seen = recognise(file.name);
  const named = seen.role === 'inbox' || seen.role === 'outbox';
  // A file the person labelled joins the plain series, unmarked unless its name had a mark.
  return named ? { group: seen.group, step: seen.step } : { group: '*', step: '' };
}

/** The dump series among `files` (traces, logs and unknown files are ignored here). */
export function buildSeries<F extends FileMeta>(files: readonly F[], order: SeriesOrder = 'name'): DumpSeries<F>[] {
  const groups = new Map<string, Map<string, SeriesStep<F>>>();
  for (const file of files) {
    const role = roleOf(file);
    if (role !== 'inbox' && role !== 'outbox') continue;
    const { group, step } = groupOf(file);
    const steps = groups.get(group) ?? new Map<string, SeriesStep<F>>();
    groups.set(group, steps);
    let s = steps.get(step);
    if (!s) steps.set(step, (s = { key: step, inbox: null, outbox: null, lastModified: 0 }));
    if (s[role]) {
      // Two files for one place: the second starts its own step rather than being lost.
      const key = `${step}#${file.id}`;
      steps.set(key, (s = { key, inbox: null, outbox: null, lastModified: 0 }));
    }
    s[role] = file;
    s.lastModified = Math.max(s.lastModified, file.lastModified);
  }
  return [...groups.entries()]
    .map(([group, steps]) => ({ group, steps: orderSteps([...steps.values()], order) }))
    .sort((a, b) => a.group.localeCompare(b.group));
}

export function orderSteps<F extends FileMeta>(steps: SeriesStep<F>[], order: SeriesOrder): SeriesStep<F>[] {
  const byName = (a: SeriesStep<F>, b: SeriesStep<F>) => compareSteps(a.key, b.key);
  return [...steps].sort(order === 'mtime' ? (a, b) => a.lastModified - b.lastModified || byName(a, b) : byName);
}

/** The steps with the one at `from` moved to `to` (the person's own order). */
export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  const out = [...steps];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved);
  return out;
}

/**
 * The file of `kind` to read at each step: the step's own, else the one
 * before it (a series often has several inboxes and a single outbox).
 */
export function volumeAtSteps<F extends FileMeta>(steps: readonly SeriesStep<F>[], kind: VolumeKind): Array<F | null> {
  const first = steps.find((s) => s[kind])?.[kind] ?? null;
  let last: F | null = first;
  return steps.map((s) => (last = s[kind] ?? last));
}
