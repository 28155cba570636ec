/** POST /api/vdsm-log on the built server: plain, gzip and xz bodies, the size cap, bad bodies. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogScanResult } from '@/lib/vdsm-log';
import { scanLogFile } from '@/lib/vdsm-log/node';
import { FIXTURES } from '../support/fixtures';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const LOG = path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm-debug.log');
const bytes = readFileSync(LOG);
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ MAILBOX_LOG_MAX_MB: '1' });
});

afterAll(async () => {
  await server?.stop();
});

const post = (body: Uint8Array | ReadableStream<Uint8Array>, query = '') =>
  fetchAnswer<LogScanResult & { error?: { code: string; message: string } }>(server, `/api/vdsm-log${query}`, { method: 'POST', body, duplex: 'half' } as RequestInit);

describe('POST /api/vdsm-log', () => {
  it('answers the same JSON as the CLI scan, for a plain, a gzip and an xz body', async () => {
    const expected = await scanLogFile(LOG, { nameOf: () => 'vdsm-debug.log' });
    for (const body of [bytes, gzipSync(bytes), execFileSync('xz', ['-c', LOG])]) {
      const answer = await post(new Uint8Array(body), '?name=vdsm-debug.log');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expected);
    }
    const { body } = await post(new Uint8Array(bytes));
    expect(body.files[0].name).toBe('vdsm.log');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['files', 'lines', 'bytes', 'checksumFailures', 'requests', 'unknownMessages', 'extends', 'findings']));
    expect(body.checksumFailures[0]).toEqual(expect.objectContaining({ mailbox: 4, count: 4, computed: 6455, expectedMatches: true, firstLine: 84, kind: 'torn' }));
    expect(Object.keys(body.extends)).toEqual(expect.arrayContaining(['count', 'totalS', 'waitS', 'extendS', 'refreshS']));
  });

  it('stops a body declared over MAILBOX_LOG_MAX_MB with 413', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error!.message).toMatch(/at most 1 MB here \(MAILBOX_LOG_MAX_MB\)/);
  });

  it('caps a gzip bomb by its decompressed size', async () => {
    const answer = await post(new Uint8Array(gzipSync(new Uint8Array(3 * 1024 * 1024).fill(0x0a))));
    expect(answer.status).toBe(413);
  });

  it('answers 400 for a broken gzip body and 415 for another compression, with what to do', async () => {
    const broken = gzipSync(bytes).subarray(0, 2000);
    const bad = await post(new Uint8Array(broken));
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/send the log plain, gzip or xz/);
    const zstd = await post(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]));
    expect(zstd.status).toBe(415);
    expect(zstd.body.error!.message).toMatch(/decompress it first/);
  });

  it('answers an empty body with an empty scan', async () => {
    const answer = await post(new Uint8Array(0));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ lines: 0, bytes: 0, checksumFailures: [] });
  });

  // Last: the server answers before the client has sent the rest, which leaves the client's pooled connection unusable.
  it('stops a streamed body with 413 as soon as it passes MAILBOX_LOG_MAX_MB', async () => {
    let sentChunks = 0;
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sentChunks++ < 64) controller.enqueue(new Uint8Array(64 * 1024).fill(0x0a));
        else controller.close();
      },
    });
    const answer = await post(streamed);
    expect(answer.status).toBe(413);
    expect(answer.body.error!.code).toBe('too_large');
  });
});
