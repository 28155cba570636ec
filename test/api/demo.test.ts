/** With nothing configured, the built app watches a live simulated pool, labelled demo, and cleans up after itself. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, SourcesResponse } from '@/lib/api/types';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ MAILBOX_SOURCES: '', MAILBOX_DEMO_SEED: '42', MAILBOX_POLL_MS: '200' });
});

afterAll(async () => {
  await server?.stop();
});

describe('the demo pool', () => {
  it('is the only source, labelled demo, read directly from real files', async () => {
    let { sources } = (await (await fetch(`${server.url}/api/sources`)).json()) as SourcesResponse;
    for (let i = 0; i < 100 && sources[0].pending; i++) {
      await new Promise((r) => setTimeout(r, 100)); // it answers at once; the volumes' details come with the first read
      ({ sources } = (await (await fetch(`${server.url}/api/sources`)).json()) as SourcesResponse);
    }
    expect(sources.map((s) => [s.id, s.demo])).toEqual([['demo', true]]);
    expect(sources[0].name).toContain('demo');
    expect(existsSync(sources[0].inbox!.path)).toBe(true);
    expect(sources[0].inbox!.direct).toBe(true);
  });

  it('is alive: hosts send requests and the SPM answers them', async () => {
    const steps = new Set<string>();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(steps.has('requested') && steps.has('replied'))) {
      const snapshot = (await (await fetch(`${server.url}/api/sources/demo/snapshot`)).json()) as Snapshot;
      for (const host of snapshot.hosts) for (const { step } of host.lifecycle) steps.add(step);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect([...steps]).toEqual(expect.arrayContaining(['requested', 'replied']));
  });

  it('comes with the first rows of its latest read in the page', async () => {
    const hosts = ((await (await fetch(`${server.url}/api/sources/demo/snapshot?view=cells`)).json()) as { hosts: unknown[] }).hosts.length;
    const html = await (await fetch(`${server.url}/`)).text();
    const rows = [...html.matchAll(/data-host-id="(\d+)" data-mailbox-state="([a-z_]+)"/g)].map((m) => [Number(m[1]), m[2]] as const);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([id, state], i) => id >= 1 && id <= hosts && (i === 0 || id > rows[i - 1][0]) && state.length > 0)).toBe(true);
    expect(html).toContain(`the first ${rows.length} rows of ${hosts} hosts; the whole read is on its way…`);
    // and a read asked for by its seq gets none: the live rows would only flash before it
    expect(await (await fetch(`${server.url}/?seq=1`)).text()).not.toContain('data-host-id=');
  });

  it('removes its files when the server stops', async () => {
    let { sources } = (await (await fetch(`${server.url}/api/sources`)).json()) as SourcesResponse;
    for (let i = 0; i < 100 && sources[0].pending; i++) {
      await new Promise((r) => setTimeout(r, 100)); // it answers at once; the volumes' details come with the first read
      ({ sources } = (await (await fetch(`${server.url}/api/sources`)).json()) as SourcesResponse);
    }
    const dir = path.dirname(sources[0].inbox!.path);
    await server.stop();
    expect(existsSync(dir)).toBe(false);
  });
});
