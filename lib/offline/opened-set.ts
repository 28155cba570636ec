/**
 * Everything opened on the /open page, as sources: each dump series one
 * source (its reads in the chosen order), each trace one source its replay
 * fills. Logs are set aside for the log reader; files of unknown kind wait
 * for the person to say what they are. Pure: bytes in, sources out.
 */
import { seriesReads } from './samples';
import { buildSeries, moveStep, roleOf, type DumpSeries, type FileMeta, type SeriesOrder, type SeriesStep } from './series';
import { OpenedSource } from './opened-source';
import { recognise } from './recognise';

export interface OpenedFile extends FileMeta {
  /** null for files not read (logs: the log reader reads them) */
  bytes: Uint8Array | null;
}

export interface SeriesSource {
  series: DumpSeries<OpenedFile>;
  source: OpenedSource;
  warnings: string[];
  errors: string[];
}

/** A source id from a name: letters, digits, '.', '_' and '-' only. */
export function sourceId(text: string, taken: ReadonlySet<string>): string {
  const base = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'files';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function names(files: Array<OpenedFile | null>): string | null {
  const list = [...new Set(files.filter((f): f is OpenedFile => f !== null).map((f) => f.name))];
  if (list.length === 0) return null;
  return list.length <= 3 ? list.join(', ') : `${list[0]} … ${list[list.length - 1]} (${list.length} files)`;
}

/** The steps of a series in the person's own order, when they moved some (keys in order), else as built. */
export function applyOrder<F extends FileMeta>(steps: SeriesStep<F>[], keys: readonly string[] | undefined): SeriesStep<F>[] {
  if (!keys) return steps;
  const rank = new Map(keys.map((k, i) => [k, i]));
  return [...steps].sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity));
}

export { moveStep };

export function seriesSources(
  files: readonly OpenedFile[],
  order: SeriesOrder,
  manual: Readonly<Record<string, readonly string[]>> = {},
  maxHostId?: number,
): SeriesSource[] {
  const taken = new Set<string>();
  return buildSeries(files.filter((f) => f.bytes !== null), order).map((built) => {
    const series = { ...built, steps: applyOrder(built.steps, manual[built.group]) };
    const id = sourceId(built.group === '*' ? 'files' : built.group.replace('*', ''), taken);
    taken.add(id);
    const inboxes = series.steps.map((s) => s.inbox);
    const outboxes = series.steps.map((s) => s.outbox);
    const { reads, warnings, errors } = seriesReads(series.steps, (f) => f.bytes!);
    const span = reads.length > 0 ? reads[reads.length - 1].readAt - reads[0].readAt : 0;
    const source = new OpenedSource({
      id, name: `files: ${[names(inboxes), names(outboxes)].filter(Boolean).join(' + ')}`,
      inbox: names(inboxes), outbox: names(outboxes), maxHostId, historyMs: 2 * span,
    });
    for (const read of reads) source.ingest(read);
    return { series, source, warnings, errors };
  });
}

/** Files by what they are, for the list on the page. */
export function sortOpened(files: readonly OpenedFile[]) {
  const by = (role: string) => files.filter((f) => roleOf(f) === role);
  return {
    volumes: files.filter((f) => ['inbox', 'outbox'].includes(roleOf(f))),
    traces: by('trace'),
    logs: by('log'),
    unknown: by('unknown'),
  };
}

export { recognise, roleOf };
