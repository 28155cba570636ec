import { oneOf, seqParam } from '@/lib/api/params';
import { json, jsonError } from '@/lib/api/respond';
import type { LiveSource, SnapshotView } from '@/lib/sources/live-source';
import { sourceRoute } from '@/lib/sources/lookup';
import { pastSnapshot } from '@/lib/sources/past-read';
import { gridHosts } from '@/lib/sources/snapshot';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sourceRoute(async ({ source, query, request }) => {
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;
  const view = oneOf(query, 'view', ['full', 'grid'] as const, 'full');
  if (!view.ok) return view.response;
  if (seq.value !== null) return past(source, seq.value, view.value!);
  const { snapshot, etag } = await source.snapshot(view.value!);
  // The ETag follows the bytes read; these headers tell a 304's receiver that a read did happen.
  const headers = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    'X-Mailbox-Seq': String(snapshot.seq),
    'X-Mailbox-Read-At': snapshot.readAt,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return json(snapshot, { headers });
});

/** `?seq=SEQ`: the snapshot as it was at that read, rebuilt from the history. It never changes, so no ETag dance. */
async function past(source: LiveSource, seq: number, view: SnapshotView): Promise<Response> {
  await source.latestRead();
  const snapshot = pastSnapshot(source, seq);
  if (snapshot && view === 'grid') snapshot.hosts = gridHosts(snapshot.hosts);
  if (!snapshot) {
    const { store } = source.history;
    return jsonError(404, 'not_in_history',
      `read ${seq} of ${source.id} is not in the history (kept: reads ${store.oldestSeq ?? '-'} to ${store.latest?.seq ?? '-'}; ` +
      `MAILBOX_HISTORY_S and MAILBOX_HISTORY_MAX_MB set how much is kept)`);
  }
  return json(snapshot, { headers: { 'X-Mailbox-Seq': String(seq), 'X-Mailbox-Read-At': snapshot.readAt } });
}
