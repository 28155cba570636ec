/** The built server while its storage stops answering: everything else keeps answering. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, SourcesResponse } from '@/lib/api/types';
import { encodeVolume } from '@/lib/mailbox';
import { HangFs, hangFsSupport } from '../support/hang-fs';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const fuse = hangFsSupport();
if (!fuse.ok) console.warn(`skipping the server's hanging-storage test: ${fuse.reason}`);

const SOURCES = 3; // six hanging volumes: more than libuv's four threads
let fs: HangFs;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  if (!fuse.ok) return;
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < SOURCES; i++) {
    files[`inbox-${i}`] = encodeVolume({ mailboxes: 11 });
    files[`outbox-${i}`] = encodeVolume({ mailboxes: 11 });
  }
  fs = await HangFs.mount(files);
  fs.hang(); // hanging from the start, as a hard NFS mount whose server went away
  dir = mkdtempSync(join(tmpdir(), 'hang-server-'));
  writeFileSync(join(dir, 'inbox'), encodeVolume({ mailboxes: 11 }));
  const entries = Array.from({ length: SOURCES }, (_, i) => `hung${i}=inbox:${fs.path(`inbox-${i}`)},outbox:${fs.path(`outbox-${i}`)}`);
  server = await startServer({
    MAILBOX_SOURCES: [...entries, `fine=inbox:${join(dir, 'inbox')}`].join(';'),
    MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '200', MAILBOX_READ_TIMEOUT_MS: '3000',
  });
});

afterAll(async () => {
  await server?.stop();
  await fs?.unmount();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!fuse.ok)('a server whose storage hangs', () => {
  it('lists its sources at once, saying the first read is pending', async () => {
    const answer = await fetchAnswer<SourcesResponse>(server, '/api/sources');
    expect(answer.status).toBe(200);
    const hung = answer.body.sources.find((s) => s.id === 'hung0')!;
    expect(hung.pending).toBe(true);
  });

  it('reports each hanging volume after the deadline, and keeps serving everything else meanwhile', async () => {
    const snapshot = await fetchAnswer<Snapshot>(server, '/api/sources/hung0/snapshot');
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.inbox!.error).toMatchObject({ code: 'hanging' });
    expect(snapshot.body.inbox!.error!.message).toMatch(new RegExp(`^no answer from ${fs.path('inbox-0')} for \\d+ s`));

    const page = await fetchAnswer(server, '/');
    expect(page.status).toBe(200);
    const chunks = [...page.text.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]);
    const answers = await Promise.all([
      ...chunks.map((chunk) => fetchAnswer(server, chunk)),
      fetchAnswer(server, '/learn'),
      fetchAnswer(server, '/api/sources'),
      fetchAnswer(server, '/api/metrics'),
      fetchAnswer(server, '/api/sources/fine/snapshot'),
      ...Array.from({ length: SOURCES }, (_, i) => fetchAnswer(server, `/api/sources/hung${i}/history`)),
    ]);
    for (const answer of answers) expect(answer.status).toBe(200);
    const fine = answers[chunks.length + 3] as Awaited<ReturnType<typeof fetchAnswer<Snapshot>>>;
    expect(fine.body.inbox!.error).toBeNull();
    expect(fs.reads()).toBeLessThanOrEqual(2 * SOURCES); // one hung read per volume, nothing stacked
  });

  it('reads again when the storage answers', async () => {
    fs.answer();
    let snapshot = await fetchAnswer<Snapshot>(server, '/api/sources/hung1/snapshot');
    for (let i = 0; i < 100 && snapshot.body.inbox!.error !== null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      snapshot = await fetchAnswer<Snapshot>(server, '/api/sources/hung1/snapshot');
    }
    expect(snapshot.body.inbox!.error).toBeNull();
    expect(snapshot.body.outbox!.error).toBeNull();
  });
});
