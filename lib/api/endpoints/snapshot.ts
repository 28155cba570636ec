import { oneOf, seqParam } from '../params';
import { json, jsonError } from '../respond';
import { latestSnapshot, pastSnapshot } from '../snapshot-answer';
import type { SourceEndpoint } from './source-request';

/**
 * The latest read decoded (`?view=grid`: without slots' hex), with an ETag that follows the bytes;
 * `?seq=SEQ`: as it was at that read, rebuilt from the history (it never changes, so no ETag).
 */
export const snapshotEndpoint: SourceEndpoint = async ({ source, query, request }) => {
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;
  const view = oneOf(query, 'view', ['full', 'grid'] as const, 'full');
  if (!view.ok) return view.response;
  await source.latestRead();
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
  const { snapshot, etag } = latestSnapshot(source, view.value!)!;
  // The ETag follows the bytes read; these headers tell a 304's receiver that a read did happen.
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'X-Mailbox-Seq': String(snapshot.seq), 'X-Mailbox-Read-At': snapshot.readAt };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return json(snapshot, { headers });
};
