/**
 * `npm run bench:load`: a crowd of viewers against the built server.
 * N clients (LOAD_CLIENTS, default 50) poll as the browser does, every
 * MAILBOX_POLL_MS, for LOAD_SECONDS (default 20): the grid (with
 * If-None-Match), the full snapshot (without), the history since a recent
 * read, and a static file as the baseline. First against a full 250-host pool
 * (every slot a request, one mailbox rewritten every second), then against the
 * demo. Prints per endpoint p50/p95/p99 and errors, the server's CPU and RSS,
 * and the poller's reads per second next to its target. Asserts nothing.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MAX_HOST_ID, encodeMailbox, encodeVolume, extend, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';
import { startServer, type RunningServer } from '../test/support/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const POLL_MS = 500;
const HOSTS = DEFAULT_MAX_HOST_ID;
const TARGET_P99_MS = 50;

function fullMailbox(host: number, generation: number): Uint8Array {
  const messages = new Map([...Array(MESSAGE_SLOTS_PER_MAILBOX).keys()].map((slot) => {
    const id = `${host.toString(16).padStart(8, '0')}-${slot.toString(16).padStart(4, '0')}-4000-a000-${generation.toString(16).padStart(12, '0')}`;
    return [slot, extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', id, 1024 + slot * 128)] as const;
  }));
  return encodeMailbox(messages);
}

function fullPool(dir: string): void {
  const hosts = new Map<number, Uint8Array>();
  for (let host = 1; host <= HOSTS; host++) hosts.set(host, fullMailbox(host, 0));
  writeFileSync(path.join(dir, 'inbox'), encodeVolume({ mailboxes: HOSTS + 1, hosts }));
  writeFileSync(path.join(dir, 'outbox'), encodeVolume({ mailboxes: HOSTS + 1 }));
}

/** CPU seconds (user + system) of a process, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN);

interface Tally { times: number[]; errors: number; statuses: Map<number, number>; bytes: number }

async function crowd(server: RunningServer, source: string, writer: (() => Promise<void>) | null): Promise<void> {
  const endpoints = {
    grid: `/api/sources/${source}/snapshot?view=grid`,
    snapshot: `/api/sources/${source}/snapshot`,
    history: `/api/sources/${source}/history`,
    'static (baseline)': '/icon.svg',
  } as const;
  const tallies = Object.fromEntries(Object.keys(endpoints).map((k) => [k, { times: [], errors: 0, statuses: new Map(), bytes: 0 } as Tally])) as Record<keyof typeof endpoints, Tally>;
  const seqOf = async () => Number((await fetch(`${server.url}${endpoints.grid}`)).headers.get('x-mailbox-seq'));

  const seqBefore = await seqOf();
  const cpuBefore = cpuSeconds(server.pid);
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let writes = 0;
  const writing = (async () => {
    while (writer && performance.now() < deadline) {
      await writer();
      writes++;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();

  const client = async (n: number) => {
    let etag: string | null = null;
    let seq = seqBefore;
    await new Promise((r) => setTimeout(r, (n * POLL_MS) / CLIENTS)); // spread out, as real viewers are
    while (performance.now() < deadline) {
      const tick = performance.now();
      for (const [name, url] of Object.entries(endpoints) as Array<[keyof typeof endpoints, string]>) {
        const tally = tallies[name];
        const t0 = performance.now();
        try {
          const query = name === 'history' ? `?since=${Math.max(0, seq - 10)}` : '';
          const res: Response = await fetch(server.url + url + query, { headers: name === 'grid' && etag ? { 'If-None-Match': etag } : {} });
          const body = await res.arrayBuffer();
          tally.times.push(performance.now() - t0);
          tally.bytes += body.byteLength;
          tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 400) tally.errors++;
          if (name === 'grid') {
            etag = res.headers.get('etag') ?? etag;
            seq = Number(res.headers.get('x-mailbox-seq') ?? seq);
          }
        } catch {
          tally.errors++;
        }
      }
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (performance.now() - tick))));
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), writing]);
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = (cpuSeconds(server.pid) - cpuBefore) / elapsedS;
  const reads = ((await seqOf()) - seqBefore) / elapsedS;
  const memory = memoryMiB(server.pid);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const requests = Object.values(tallies).reduce((n, t) => n + t.times.length, 0);

  console.log(`\n${source}: ${CLIENTS} clients × ${SECONDS} s, each polling every ${POLL_MS} ms${writer ? `, ${writes} mailbox rewrites` : ''}`);
  console.log(`${'endpoint'.padEnd(20)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(6)}  MiB sent  statuses`);
  const baseline = percentile([...tallies['static (baseline)'].times].sort((a, b) => a - b), 99);
  for (const [name, tally] of Object.entries(tallies)) {
    const sorted = [...tally.times].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const target = name === 'static (baseline)' ? '' : `  ${p99 <= TARGET_P99_MS ? 'ok' : 'OVER'} (p99 target ≤ ${TARGET_P99_MS} ms; ${(p99 / baseline).toFixed(1)}× the static file's)`;
    console.log(`${name.padEnd(20)} ${String(sorted.length).padStart(8)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)} ` +
      `${String(tally.errors).padStart(6)}  ${(tally.bytes / 2 ** 20).toFixed(0).padStart(8)}  ${[...tally.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}${target}`);
  }
  console.log(`server: ${(cpu * 100).toFixed(0)}% of a core, ${((cpu * elapsedS * 1000) / requests).toFixed(1)} ms of CPU per request, ` +
    `RSS ${memory.rss.toFixed(0)} MiB (peak ${memory.peak.toFixed(0)} MiB)`);
  console.log(`clients (this process): ${(((clientCpu.user + clientCpu.system) / 1e6 / elapsedS) * 100).toFixed(0)}% of a core; ` +
    `machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (above the core count, every latency here is mostly waiting for a CPU)`);
  console.log(`poller: ${reads.toFixed(2)} reads/s, target ${(1000 / POLL_MS).toFixed(2)} (${((reads * POLL_MS) / 10).toFixed(0)}%)`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(ROOT, '.bench-load-'));
  let server: RunningServer | null = null;
  try {
    fullPool(dir);
    server = await startServer({ MAILBOX_SOURCES: `full=${dir}`, MAILBOX_POLL_MS: String(POLL_MS) });
    let generation = 0;
    await crowd(server, 'full', async () => {
      const host = 1 + (generation % HOSTS);
      const file = await open(path.join(dir, 'inbox'), 'r+');
      await file.write(fullMailbox(host, ++generation), 0, MAILBOX_SIZE_BYTES, host * MAILBOX_SIZE_BYTES);
      await file.close();
    });
    await server.stop();
    server = await startServer({ MAILBOX_POLL_MS: String(POLL_MS) });
    await crowd(server, 'demo', null);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
