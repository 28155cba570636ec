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
import { registry } from '@/lib/sources/registry';
import { cellsHost } from './cells';
import { latestLean } from './snapshot-answer';
import { sourceInfo } from './source-info';
import type { Finding } from '@/lib/mailbox';

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
  const parts = latestLean(source, 'cells');
  if (!parts) return { sources: list, grid: null };

  const { snapshot } = parts;
  const host = Number(one(query.host));
  // The grid's first view: hosts without mail folded, all hosts shown, the host in the URL kept.
  const filter: RowFilter = { showEmpty: false, problemsOnly: false, selectedHost: Number.isInteger(host) ? host : null };
  const byHost = new Map<number, Finding[]>();
  for (const f of snapshot.findings) if (f.host !== undefined) byHost.set(f.host, [...(byHost.get(f.host) ?? []), f]);
  const picked = [];
  for (const h of snapshot.hosts) {
    if (picked.length >= FIRST_SCREEN_ROWS) break;
    if (placeRow(buildRow(h, byHost.get(h.id) ?? [], undefined, snapshot.maxHostId, 0), filter) === 'drawn') picked.push(h);
  }
  if (picked.length === 0) return { sources: list, grid: null };
  const ids = new Set(picked.map((h) => h.id));
  const findings = snapshot.findings.filter((f) => f.host === undefined || ids.has(f.host));
  return { sources: list, grid: { source: source.id, hosts: snapshot.hosts.length, rows: { ...snapshot, hosts: picked.map(cellsHost), findings } } };
}
