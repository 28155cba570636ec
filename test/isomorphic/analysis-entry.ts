/**
 * The same analysis, run on the server (imported by the test) and in the
 * browser (bundled by esbuild for the browser platform): a trace replayed by
 * a 500 ms reader and a series of three dumps, through the history and its
 * trackers. Returns plain JSON to compare.
 */
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import { decodeVolume } from '@/lib/mailbox';
import { localFetch } from '@/lib/offline/local-fetch';
import { seriesSources } from '@/lib/offline/opened-set';
import { seriesReads } from '@/lib/offline/samples';
import { buildSeries, type FileMeta } from '@/lib/offline/series';
import { parseTrace } from '@/lib/replay/trace-format';
import { TracePlayer } from '@/lib/replay/trace-player';

export interface DumpInput { name: string; lastModified: number; base64: string }

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function summarise(reads: ReadSample[], maxHostId: number) {
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId });
  const ingested = reads.map((r) => history.ingest(r));
  const last = reads.at(-1);
  return JSON.parse(JSON.stringify({
    entries: ingested.map((i) => i.entry),
    spmFailing: ingested.map((i) => i.episodes.spmFailing),
    episodes: history.episodes.list(),
    requests: history.requests.list(),
    lastInbox: last?.inbox?.bytes ? decodeVolume(last.inbox.bytes, 'inbox', { maxHostId }) : null,
  }));
}

export function analyseTrace(text: string) {
  const parsed = parseTrace(text);
  if (!parsed.ok) return { error: parsed.error };
  const player = new TracePlayer(parsed.trace, { t0Ms: 1_700_000_000_000 });
  return summarise(player.runUntil(Infinity), parsed.trace.maxHosts);
}

export function analyseDumps(dumps: DumpInput[]) {
  const files = dumps.map((d, i): FileMeta & { bytes: Uint8Array } => {
    const bytes = bytesOf(d.base64);
    return { id: String(i), name: d.name, size: bytes.length, lastModified: d.lastModified, bytes };
  });
  const [series] = buildSeries(files);
  return summarise(seriesReads(series.steps, (f) => f.bytes).reads, 10);
}

/** What the local API answers for the dumps: the screen's every request, as text. */
export async function answerDumps(dumps: DumpInput[], urls: string[]) {
  const files = dumps.map((d, i) => {
    const bytes = bytesOf(d.base64);
    return { id: String(i), name: d.name, size: bytes.length, lastModified: d.lastModified, bytes };
  });
  const sources = new Map(seriesSources(files, 'name', {}, 10).map((s) => [s.source.id, s.source] as const));
  const get = localFetch(() => sources);
  const out: Record<string, { status: number; body: string }> = {};
  for (const url of urls) {
    const res = await get(url);
    out[url] = { status: res.status, body: url.includes('export?volume') ? String(new Uint8Array(await res.arrayBuffer()).length) : await res.text() };
  }
  return out;
}
