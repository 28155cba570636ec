import { answerOnce, serveAnswer, servePieces } from '../answer-cache';
import { gridDelta, gridWhole } from '../grid-delta';
import type { SourceView } from '@/lib/sources/source-view';
import { intParam, oneOf, seqParam } from '../params';
import { json, jsonError } from '../respond';
import { latestLean, latestSnapshot, pastSnapshot, type LeanView } from '../snapshot-answer';
import type { SourceEndpoint } from './source-request';

/**
 * The latest read decoded (`?view=grid`: without slots' hex and UUIDs; `?view=cells`: the same packed, what the
 * page draws from), with an ETag that follows the bytes;
 * `?view=grid&since=SEQ` (or cells): only the hosts that changed after read SEQ (`"full":false`), or the whole
 * grid (`"full":true`) when SEQ has left the history; `&wait=MS` holds it until something changed;
 * `?seq=SEQ`: as it was at that read, rebuilt from the history (it never changes, so no ETag).
 */
export const snapshotEndpoint: SourceEndpoint = async ({ source, query, request }) => {
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;
  const since = seqParam(query, 'since');
  if (!since.ok) return since.response;
  const view = oneOf(query, 'view', ['full', 'grid', 'cells'] as const, 'full');
  if (!view.ok) return view.response;
  const wait = intParam(query, 'wait', 1, MAX_WAIT_MS);
  if (!wait.ok) return wait.response;
  if (since.value !== null && (view.value === 'full' || seq.value !== null)) {
    return jsonError(400, 'bad_since', 'since=SEQ asks for the hosts changed after a read: it goes with view=grid (or cells) and without seq');
  }
  await source.latestRead();
  const lean: LeanView | null = view.value === 'full' ? null : view.value!;
  if (since.value !== null && wait.value !== null && lean) await changeAfter(source, lean, since.value, request.headers.get('if-none-match'), wait.value);
  if (seq.value !== null) {
    const snapshot = pastSnapshot(source, seq.value, view.value!);
    if (!snapshot) {
      const { store } = source.history;
      return jsonError(404, 'not_in_history',
        `read ${seq.value} of ${source.id} is not in the history (kept: reads ${store.oldestSeq ?? '-'} to ${store.latest?.seq ?? '-'}; ` +
        `MAILBOX_HISTORY_S and MAILBOX_HISTORY_MAX_MB set how much is kept)`);
    }
    return json(snapshot, { headers: { 'X-Mailbox-Seq': String(seq.value), 'X-Mailbox-Read-At': snapshot.readAt } });
  }
  if (lean) {
    const parts = latestLean(source, lean)!;
    const headers = answerHeaders(parts.etag, parts.snapshot);
    if (request.headers.get('if-none-match') === parts.etag) return new Response(null, { status: 304, headers });
    const delta = since.value === null ? null : gridDelta(source, parts, since.value);
    return servePieces({ pieces: delta ?? gridWhole(parts, since.value) }, headers);
  }
  // The full snapshot: serialised (and compressed) once per read, whoever asks.
  const answer = answerOnce(source, source.latestDecoded()?.read, 'snapshot:full', () => {
    const { snapshot, etag } = latestSnapshot(source)!;
    return { body: snapshot, etag, headers: answerHeaders(etag, snapshot) };
  });
  return serveAnswer(request, answer);
};

/** Longest a `wait=MS` request is held: a viewer asks again after it, so nothing waits on a source that stopped. */
const MAX_WAIT_MS = 10_000;

/**
 * `since=SEQ&wait=MS`: holds the answer until a read after SEQ changed what the viewer has (its ETag),
 * or MS went by; then the answer is as without `wait`. A viewer sees a write one read after it lands.
 */
async function changeAfter(source: SourceView, view: LeanView, since: number, etag: string | null, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  let seen = since;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0 || !source.readAfter) return;
    await source.readAfter(seen, left);
    const parts = latestLean(source, view);
    if (!parts || parts.snapshot.seq <= seen) continue;
    if (parts.etag !== etag) return;
    seen = parts.snapshot.seq;
  }
}

/** The ETag follows the bytes read; the other headers tell a 304's receiver that a read did happen. */
function answerHeaders(etag: string, snapshot: { seq: number; readAt: string }): Record<string, string> {
  return { ETag: etag, 'Cache-Control': 'no-cache', 'X-Mailbox-Seq': String(snapshot.seq), 'X-Mailbox-Read-At': snapshot.readAt };
}
