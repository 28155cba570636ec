/**
 * The first screen the page is rendered with (components/live-grid/first-screen.ts):
 * the configured sources and the first rows of the shown source's latest read.
 * It never waits on storage: a source whose first read has not finished
 * sends no rows, and the page asks as it would without them.
 */
import 'server-only';
import { FIRST_SCREEN_ROWS, type FirstScreen } from '@/components/live-grid/first-screen';
import { buildRow } from '@/components/live-grid/row-model';
import { placeRow, type RowFilter } from '@/components/live-grid/visible-rows';
import type { Finding } from '@/lib/mailbox';
import type { LiveSource } from '@/lib/sources/live-source';
import { registry } from '@/lib/sources/registry';
import { cellsHost } from '../cells';
import { latestFirstHosts } from '../snapshot-answer';
import { shownSource, sourcesResponse } from '../source-info';
import type { HostSnapshot } from '../types';

/** What the page's URL says, read as the inspector reads it (app/_components/url-state.ts). */
export interface PageUrl {
  source: string | null;
  seq: number | null;
  host: number | null;
}

/** The page's first screen; null when the sources cannot be listed (the page then says why, as before). */
export async function firstScreen(url: PageUrl): Promise<FirstScreen | null> {
  let sources;
  try {
    sources = await registry();
  } catch {
    return null;
  }
  const list = sourcesResponse(sources.sources);
  const source = shownSource(sources.sources, url.source);
  // A read named in the URL is the past: the live rows would only flash before it.
  if (!source || url.seq !== null) return { sources: list, grid: null };
  try {
    return { sources: list, grid: firstRows(source, url.host) };
  } catch (err) {
    // The rows are a head start, never a reason for the page to fail: it asks for them as it would without.
    console.error(`first screen of ${source.id}: ${(err as Error).stack ?? err}`);
    return { sources: list, grid: null };
  }
}

function firstRows(source: LiveSource, selectedHost: number | null): FirstScreen['grid'] {
  // The grid's first view: hosts without mail folded, all hosts shown, the host in the URL kept.
  const filter: RowFilter = { showEmpty: false, problemsOnly: false, selectedHost };
  const maxHostId = source.options.maxHostId;
  const drawn = (h: HostSnapshot, findings: readonly Finding[]) => placeRow(buildRow(h, findings, undefined, maxHostId, 0), filter) === 'drawn';
  const first = latestFirstHosts(source, drawn, FIRST_SCREEN_ROWS);
  if (!first || first.snapshot.hosts.length === 0) return null;
  const { snapshot, total } = first;
  return { source: source.id, hosts: total, rows: { ...snapshot, hosts: snapshot.hosts.map(cellsHost) } };
}
