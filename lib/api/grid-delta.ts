/**
 * The grid view as text: the whole answer joined from each host's kept JSON,
 * and the delta `?view=grid&since=SEQ` (the hosts whose inbox or outbox
 * changed after SEQ, the hosts gone since, and those hosts' findings). Both
 * are made once per read and per SEQ asked, whoever asks.
 */
import type { SourceView } from '@/lib/sources/source-view';
import type { GridParts } from './snapshot-answer';
import type { Snapshot } from './types';

interface Texts {
  deltas: Map<number, string>;
}

/** Most distinct SEQs kept per read: viewers a poll or two behind share them. */
const MAX_DELTAS = 16;

const texts = new WeakMap<GridParts, Texts>();
/** Every host's JSON joined, per list of host JSON: reads that change nothing share the list, and so the text. */
const joined = new WeakMap<readonly string[], string>();

function textsOf(parts: GridParts): Texts {
  let t = texts.get(parts);
  if (!t) texts.set(parts, (t = { deltas: new Map() }));
  return t;
}

/** `{"source":…,"event":…` without its closing brace: the read's own facts, in the snapshot's order. */
function head(snapshot: Snapshot): string {
  const { hosts: _hosts, findings: _findings, ...header } = snapshot;
  return JSON.stringify(header).slice(0, -1);
}

function joinHosts(parts: GridParts, ids?: readonly number[]): string {
  if (ids) return ids.map((id) => parts.hostJson[id - 1]).join(',');
  let all = joined.get(parts.hostJson);
  if (all === undefined) joined.set(parts.hostJson, (all = parts.hostJson.join(',')));
  return all;
}

/** The whole grid answer; with `since` (a SEQ that could not be answered), marked `"full":true`. */
export function gridWholeText(parts: GridParts, since: number | null = null): string {
  const hosts = joinHosts(parts);
  const findings = JSON.stringify(parts.snapshot.findings);
  const extra = since === null ? '' : `,"since":${since},"full":true`;
  return `${head(parts.snapshot)}${extra},"hosts":[${hosts}],"findings":${findings}}`;
}

/** The delta answer after read `since`; null when `since` cannot be answered (send the whole grid, `full:true`). */
export function gridDeltaText(source: SourceView, parts: GridParts, since: number): string | null {
  const t = textsOf(parts);
  const kept = t.deltas.get(since);
  if (kept !== undefined) return kept;
  const changes = since === parts.snapshot.seq ? { hosts: [], removed: [] } : source.changesSince?.(since) ?? null;
  if (!changes) return null;
  const ids = new Set(changes.hosts);
  const findings = parts.snapshot.findings.filter((f) => f.host === undefined || ids.has(f.host));
  const text = `${head(parts.snapshot)},"since":${since},"full":false,"hosts":[${joinHosts(parts, changes.hosts)}],` +
    `"removed":${JSON.stringify(changes.removed)},"findings":${JSON.stringify(findings)}}`;
  if (t.deltas.size >= MAX_DELTAS) t.deltas.delete(t.deltas.keys().next().value!);
  t.deltas.set(since, text);
  return text;
}
