/**
 * The first screen the page is rendered with (components/live-grid/first-screen.ts):
 * the configured sources and the first rows of the asked source's latest read.
 * It never waits on storage: a source whose first read has not finished
 * sends no rows, and the page asks as it would without them.
 */
import 'server-only';
import { FIRST_SCREEN_ROWS, type FirstScreen } from '@/components/live-grid/first-screen';
import { buildRow } from '@/components/live-grid/row-model';
import { placeRow, type RowFilter } from '@/components/live-grid/visible-rows';
import type { LiveSource } from '@/lib/sources/live-source';
import { registry } from '@/lib/sources/registry';
import { cellsHost } from '../cells';
import { latestFirstHosts } from '../snapshot-answer';
import type { HostSnapshot } from '../types';
import type { Finding } from '@/lib/mailbox';
import { sourceInfo } from '../source-info';

/** What the page's URL says: `source`, `host` and `seq` as the inspector reads them. */
export type PageQuery = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's first screen; null when the sources cannot be listed (the page then says why, as before). */
export async function firstScreen(query: PageQuery): Promise<FirstScreen | null> {
  let sources;
  try {
    sources = await registry();
  } catch {
    return null;
  }
  const list = { sources: sources.sources.map(sourceInfo) };
  const asked = one(query.source);
  // the page's own rule: the source named, else the first
  const source = (asked !== undefined ? sources.get(asked) : undefined) ?? sources.sources[0];
  // A read named in the URL is the past: the live rows would only flash before it.
  if (!source || one(query.seq) !== undefined) return { sources: list, grid: null };
  try {
    return { sources: list, grid: firstRows(source, query) };
  } catch (err) {
    // The rows are a head start, never a reason for the page to fail: it asks for them as it would without.
    console.error(`first screen of ${source.id}: ${(err as Error).stack ?? err}`);
    return { sources: list, grid: null };
  }
}

function firstRows(source: LiveSource, query: PageQuery): FirstScreen['grid'] {
  const host = Number(one(query.host));
  // The grid's first view: hosts without mail folded, all hosts shown, the host in the URL kept.
  const filter: RowFilter = { showEmpty: false, problemsOnly: false, selectedHost: Number.isInteger(host) ? host : null };
  const maxHostId = source.options.maxHostId;
  const shown = (h: HostSnapshot, findings: readonly Finding[]) => placeRow(buildRow(h, findings, undefined, maxHostId, 0), filter) === 'drawn';
  const first = latestFirstHosts(source, shown, FIRST_SCREEN_ROWS);
  if (!first || first.snapshot.hosts.length === 0) return null;
  const { snapshot, total } = first;
  const ids = new Set(snapshot.hosts.map((h) => h.id));
  const findings = snapshot.findings.filter((f) => f.host === undefined || ids.has(f.host));
  return { source: source.id, hosts: total, rows: { ...snapshot, hosts: snapshot.hosts.map(cellsHost), findings } };
}
