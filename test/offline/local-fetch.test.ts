/**
 * Opened dumps answered by the local API: the same lib/api endpoints as the
 * server, over an OpenedSource built from vdsm-written fixture files.
 */
import { describe, expect, it } from 'vitest';
import { localFetch } from '@/lib/offline/local-fetch';
import { seriesSources, type OpenedFile } from '@/lib/offline/opened-set';
import type { SourceView } from '@/lib/sources/source-view';
import { fixture } from '../support/fixtures';

function opened(): Map<string, SourceView> {
  const files: OpenedFile[] = ['inbox.before', 'inbox', 'inbox.after', 'outbox'].map((name, i) => {
    const bytes = fixture('torn/torn-1426762', name);
    return { id: String(i), name, size: bytes.length, lastModified: 1_000 * (i + 1), bytes };
  });
  const [series] = seriesSources(files, 'name', {}, 10);
  return new Map([[series.source.id, series.source]]);
}

describe('the local API over opened files', () => {
  const sources = opened();
  const get = localFetch(() => sources);

  it('lists the opened series as a source named by its files', async () => {
    const body = await (await get('/api/sources')).json();
    expect(body.sources).toEqual([expect.objectContaining({
      id: 'files', name: 'files: inbox.before, inbox, inbox.after + outbox', demo: false, maxHostId: 10,
      inbox: expect.objectContaining({ path: 'inbox.before, inbox, inbox.after', size: 40960 }),
    })]);
  });

  it('answers the latest snapshot, and the torn read as it was with ?seq=2', async () => {
    const latest = await (await get('/api/sources/files/snapshot')).json();
    expect(latest.seq).toBe(3);
    expect(latest.hosts.find((h: { id: number }) => h.id === 7).inbox.state).toBe('valid');
    const past = await (await get('/api/sources/files/snapshot?seq=2')).json();
    expect(past.hosts.find((h: { id: number }) => h.id === 7).inbox).toMatchObject({ state: 'checksum_missing', checksum: { stored: 0, computed: 6457 } });
  });

  it('answers 304 to the ETag it gave, as the server does', async () => {
    const first = await get('/api/sources/files/snapshot?view=grid');
    const again = await get('/api/sources/files/snapshot?view=grid', { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('gives the torn episode, the raw export of a read and an incident summary that names the tear', async () => {
    const episodes = await (await get('/api/sources/files/episodes')).json();
    expect(episodes).toEqual([expect.objectContaining({ host: 7, verdict: 'torn' })]);
    const raw = new Uint8Array(await (await get('/api/sources/files/export?volume=inbox&seq=1')).arrayBuffer());
    expect(Buffer.from(raw).equals(Buffer.from(fixture('torn/torn-1426762', 'inbox.before')))).toBe(true);
    const md = await (await get('/api/sources/files/incident')).text();
    expect(md).toContain('TORN');
  });

  it('refuses what it cannot do with an error answer, never a throw', async () => {
    expect((await get('/api/sources/files/snapshot', { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get('/api/sources/nope/snapshot')).status).toBe(404);
    expect((await get('/api/sources/files/snapshot?seq=99')).status).toBe(404);
    expect((await get('/api/decode?kind=inbox')).status).toBe(404);
    const bad = await get('/api/sources/files/mailbox/abc');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBeTruthy();
  });
});
