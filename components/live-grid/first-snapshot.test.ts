/**
 * The page's <head> starts the grid's first request before its scripts run;
 * the snapshot fetcher takes that answer for its first ask of the same URL,
 * once, and asks for itself from then on.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellsHost } from '@/lib/api/cells';
import { extend } from '@/lib/mailbox';
import { snapshotOf } from '@/test/ui/snapshot-of';
import { FIRST_SNAPSHOT_SCRIPT } from './first-snapshot';
import { createSnapshotFetcher } from './snapshot-fetcher';

/** A snapshot as `view=cells` sends it. */
const cells = (snapshot: ReturnType<typeof snapshotOf>) => ({ ...snapshot, hosts: snapshot.hosts.map(cellsHost) });

const req = extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128);

/** Runs the script as a page at `path` would; returns the page's window and the URLs it fetched. */
function loadPage(path: string, answer: () => Response) {
  const url = new URL(path, 'http://127.0.0.1:3000');
  const fetched: string[] = [];
  const page: Record<string, unknown> = {
    location: { pathname: url.pathname, search: url.search },
    URLSearchParams,
    fetch: (u: string) => {
      fetched.push(u);
      return Promise.resolve(answer());
    },
  };
  page.window = page;
  runInNewContext(FIRST_SNAPSHOT_SCRIPT, page);
  return { page, fetched };
}

/** useLiveSnapshot's URL for a source on a server (held requests). */
const liveUrl = (id: string) => `/api/sources/${encodeURIComponent(id)}/snapshot?view=cells&wait=2000`;

afterEach(() => vi.unstubAllGlobals());

describe('the first snapshot, asked for by the page head', () => {
  it('is the answer of the fetcher\'s first ask, taken once', async () => {
    const snapshot = cells({ ...snapshotOf({ inbox: { 2: { 0: req } } }), seq: 4 });
    const { page, fetched } = loadPage('/?source=pool%20a&host=2', () => new Response(JSON.stringify(snapshot), { status: 200, headers: { ETag: '"a"' } }));
    expect(fetched).toEqual(['/api/sources/pool%20a/snapshot?view=cells']);
    vi.stubGlobal('window', page);

    const asked: string[] = [];
    const fetchSnapshot = createSnapshotFetcher(async (url) => {
      asked.push(url);
      return new Response(null, { status: 304, headers: { ETag: '"a"', 'X-Mailbox-Seq': '4', 'X-Mailbox-Read-At': 'x' } });
    });
    const first = await fetchSnapshot(liveUrl('pool a'));
    expect(asked).toEqual([]);
    expect(first.rows[1].cells.map((c) => c.step)).toEqual(['requested']);
    await fetchSnapshot(liveUrl('pool a'));
    expect(asked).toEqual([`${liveUrl('pool a')}&since=4`]);
    // another fetcher (another hook, a new page of the app) asks for itself
    const again = createSnapshotFetcher(async (url) => {
      asked.push(url);
      return new Response(JSON.stringify(snapshot), { status: 200 });
    });
    await again(liveUrl('pool a'));
    expect(asked.at(-1)).toBe('/api/sources/pool%20a/snapshot?view=cells');
  });

  it('is not asked for off the live screen, nor without a source in the URL, and not taken for another source', async () => {
    const none = () => new Response('{}');
    expect(loadPage('/open?source=x', none).fetched).toEqual([]);
    expect(loadPage('/?host=3', none).fetched).toEqual([]);

    const { page } = loadPage('/?source=gone', none);
    vi.stubGlobal('window', page);
    const asked: string[] = [];
    const fetchSnapshot = createSnapshotFetcher(async (url) => {
      asked.push(url);
      return new Response(JSON.stringify(cells(snapshotOf({}))), { status: 200 });
    });
    // the URL named a source the server does not have: the page shows another, and asks for it itself
    await fetchSnapshot(liveUrl('pool'));
    expect(asked).toEqual(['/api/sources/pool/snapshot?view=cells']);
  });
});
