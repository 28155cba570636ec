/**
 * The grid view as bytes: the whole answer, and the delta `?view=grid&since=SEQ`
 * (the hosts whose inbox or outbox changed after SEQ, the hosts gone since,
 * and those hosts' findings). Both are lists of pieces: the read's own facts,
 * then each host's kept bytes as they are, then the findings. Nothing is
 * re-encoded per request, and each answer is kept per read (and compressed
 * whole, once, off the main thread: lib/api/server/compressed.ts), so an
 * answer costs the hosts that changed, not the size of the pool.
 */
import type { SourceView } from '@/lib/sources/source-view';
import type { GridParts } from './snapshot-answer';
import type { Snapshot } from './types';

/** Most distinct SEQs kept per read: viewers a poll or two behind share them. */
const MAX_DELTAS = 16;

const deltas = new WeakMap<GridParts, Map<number, readonly Uint8Array[]>>();
/** The whole answer of a read, per `since` it answers (null: none): many viewers ask for it at once when a page opens. */
const wholes = new WeakMap<GridParts, Map<number | null, readonly Uint8Array[]>>();
const encoder = new TextEncoder();

/** A host's piece of a hosts array: `,{…}`; the first host of an array goes without its comma. */
export function hostPiece(json: string): Uint8Array {
  return encoder.encode(`,${json}`);
}

/** `{"source":…,"event":…` without its closing brace: the read's own facts, in the snapshot's order. */
function head(snapshot: Snapshot): string {
  const { hosts: _hosts, findings: _findings, ...header } = snapshot;
  return JSON.stringify(header).slice(0, -1);
}

function answer(opening: string, hosts: readonly Uint8Array[], closing: string): Uint8Array[] {
  const pieces: Uint8Array[] = [encoder.encode(`${opening}"hosts":[`)];
  hosts.forEach((piece, i) => pieces.push(i === 0 ? piece.subarray(1) : piece));
  pieces.push(encoder.encode(closing));
  return pieces;
}

/** The whole grid answer; with `since` (a SEQ that could not be answered), marked `"full":true`. */
export function gridWhole(parts: GridParts, since: number | null = null): readonly Uint8Array[] {
  let kept = wholes.get(parts);
  const found = kept?.get(since);
  if (found) return found;
  const extra = since === null ? '' : `,"since":${since},"full":true`;
  const pieces = answer(`${head(parts.snapshot)}${extra},`, parts.hostPieces, `],"findings":${JSON.stringify(parts.snapshot.findings)}}`);
  if (!kept) wholes.set(parts, (kept = new Map()));
  if (kept.size >= MAX_DELTAS) kept.delete(kept.keys().next().value!);
  kept.set(since, pieces);
  return pieces;
}

/** The delta answer after read `since`; null when `since` cannot be answered (send the whole grid, `full:true`). */
export function gridDelta(source: SourceView, parts: GridParts, since: number): readonly Uint8Array[] | null {
  let kept = deltas.get(parts);
  const found = kept?.get(since);
  if (found) return found;
  const changes = since === parts.snapshot.seq ? { hosts: [], removed: [] } : source.changesSince?.(since) ?? null;
  if (!changes) return null;
  const ids = new Set(changes.hosts);
  const findings = parts.snapshot.findings.filter((f) => f.host === undefined || ids.has(f.host));
  const pieces = answer(`${head(parts.snapshot)},"since":${since},"full":false,`, changes.hosts.map((id) => parts.hostPieces[id - 1]),
    `],"removed":${JSON.stringify(changes.removed)},"findings":${JSON.stringify(findings)}}`);
  if (!kept) deltas.set(parts, (kept = new Map()));
  if (kept.size >= MAX_DELTAS) kept.delete(kept.keys().next().value!);
  kept.set(since, pieces);
  return pieces;
}
