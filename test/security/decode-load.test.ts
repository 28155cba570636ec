/** A crowd of oversized uploads to /api/decode against the built server: bounded, answered, alive. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ MAILBOX_DEMO_SEED: '3' });
});
afterAll(() => server?.stop());

/** Resident memory of the server process, and its peak so far, in MiB (from /proc). */
function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Posts a dump and reads the whole answer, keeping only its size and a bit of its start. */
async function decode(body: Uint8Array<ArrayBuffer>): Promise<{ status: number; retryAfter: string | null; bytes: number; head: string }> {
  const res = await fetch(`${server.url}/api/decode?kind=inbox`, { method: 'POST', body });
  let bytes = 0;
  let head = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body!) {
    if (head.length < 200) head += decoder.decode(chunk, { stream: true });
    bytes += chunk.length;
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), bytes, head };
}

describe('concurrent oversized decodes', () => {
  it('decode two at a time, refuse the rest with 429 and Retry-After, keep the server answering and within its memory bound', async () => {
    const noise = new Uint8Array(randomBytes(4 * 1024 * 1024));
    const before = memoryMiB(server.pid);
    const crowd = Array.from({ length: 12 }, () => decode(noise));
    // meanwhile, everyone else is served
    const sources = await fetch(`${server.url}/api/sources`);
    expect(sources.status).toBe(200);
    const answers = await Promise.all(crowd);

    const done = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(done.length + refused.length).toBe(12);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const a of refused) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(a.head).error.code).toBe('busy');
    }
    for (const a of done) {
      expect(a.head).toMatch(/^\{"kind":"inbox","size":4194304,/);
      // streamed, with noise summarised per mailbox: in proportion to the input
      expect(a.bytes).toBeLessThan(10 * noise.length);
    }

    const after = memoryMiB(server.pid);
    // The bound the README states: 2 decodes × (32 MiB body + 128 MiB thread heap) over what the server held before.
    expect(after.peak - before.rss).toBeLessThan(2 * (32 + 128));
    console.log(`decode crowd: ${done.length} decoded, ${refused.length} refused; server RSS ${before.rss.toFixed(0)} → peak ${after.peak.toFixed(0)} MiB`);

    const later = await decode(noise.slice(0, 40960));
    expect(later.status).toBe(200);
  }, 180_000);
});
