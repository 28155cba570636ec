/**
 * `npm run bench:scale`: what watching a big pool costs, measured in one run
 * (needs `npm run build`). For 250, 1000 and 2000 hosts with every mailbox
 * full, on the work tree's disk, it starts the built server polling every
 * 500 ms and prints:
 *   - the floor: our two direct reads of the windows, alone (ms, and % of a core at 2 Hz);
 *   - the server's CPU (% of one core, /proc) idle and with 10% of the mailboxes rewritten every poll,
 *     and the polls/s it achieved (mailbox_reads_total) against the 2 it aims at;
 *   - the grid answers the page asks for (view=cells): the whole grid and a delta (`&since=` the previous read),
 *     bytes (plain, gzip) and ms;
 *   - in Chromium: time to the first rows (the first screen the page comes with, beside its first paint)
 *     and to the whole read drawn, long tasks while it loads; then, while live updates arrive: long tasks,
 *     ms per grid update (from the answer's headers, and applying it from its parsed JSON), heap, elements;
 *   - freshness: a write to the file until the cell shows it, p50/p95, against the interval.
 * BENCH_CHURN=random picks the busy share at random each poll instead of sweeping the hosts in order.
 * Prints; asserts nothing (timings are not tests).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readVolume } from '@/lib/io';
import { launchBrowser } from '../test/support/browser';
import { startServer, type RunningServer } from '../test/support/server';
import { closeAll, freshness, openPage, pageFigures, resetWindow, type PageFigures } from './scale/browser';
import { treeCpuSeconds } from './scale/cpu';
import { get, readsTotal } from './scale/http';
import { makeScalePool, type ChurnOrder, type ScalePool } from './scale/pool';

const ROOT = path.resolve(import.meta.dirname, '..');
const POLL_MS = 500;
const BUSY_SHARE = 0.1;
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 10);
const SIZES = (process.env.BENCH_HOSTS ?? '250,1000,2000').split(',').map(Number);
/** BENCH_CHURN=random: the busy share picked at random each poll, not swept in host order (pool.ts says why) */
const CHURN: ChurnOrder = process.env.BENCH_CHURN === 'random' ? 'random' : 'sweep';
/** BENCH_NO_BROWSER=1: the server's figures only */
const BROWSER = !process.env.BENCH_NO_BROWSER;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const stats = (values: number[]) => {
  const s = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return s.length === 0 ? { p50: NaN, p95: NaN, max: NaN } : { p50: pct(s, 0.5), p95: pct(s, 0.95), max: s[s.length - 1] };
};
const kb = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

interface Figures {
  hosts: number;
  floorMs: number;
  idleCpu: number;
  idlePolls: number;
  busyCpu: number;
  busyPolls: number;
  full: { plain: number; gzip: number; ms: number };
  delta: { plain: number; gzip: number; ms: number; hosts: number; polls: number };
  page: PageFigures & { load?: { over50: number; longestMs: number } };
  fresh: { p50: number; p95: number };
}

/** CPU % of one core and polls/s over `seconds`. */
async function window(server: RunningServer, seconds: number): Promise<{ cpu: number; polls: number }> {
  const [cpu0, reads0, t0] = [treeCpuSeconds(server.pid), await readsTotal(server.url, 'scale'), performance.now()];
  await sleep(seconds * 1000);
  const [cpu1, reads1, t1] = [treeCpuSeconds(server.pid), await readsTotal(server.url, 'scale'), performance.now()];
  const wall = (t1 - t0) / 1000;
  return { cpu: ((cpu1 - cpu0) / wall) * 100, polls: (reads1 - reads0) / wall };
}

async function floorMs(pool: ScalePool): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const started = performance.now();
    for (const kind of ['inbox', 'outbox']) {
      const read = await readVolume(path.join(pool.dir, kind), { mailboxes: pool.hosts + 1 });
      if (!read.ok) throw new Error(read.error.message);
    }
    times.push(performance.now() - started);
  }
  return stats(times.slice(2)).p50;
}

/** The page's answers (`view=cells`; BENCH_VIEW=grid measures the scripts' view). */
const VIEW = process.env.BENCH_VIEW ?? 'cells';

async function answers(server: RunningServer): Promise<Pick<Figures, 'full' | 'delta'>> {
  const grid = `${server.url}/api/sources/scale/snapshot?view=${VIEW}`;
  const full = { plain: 0, gzip: 0, ms: [] as number[] };
  const delta = { plain: 0, gzip: 0, ms: [] as number[], hosts: 0, polls: 0 };
  for (let i = 0; i < 4; i++) {
    const plain = await get(grid, false);
    const zipped = await get(grid, true);
    full.plain = plain.wireBytes;
    full.gzip = zipped.wireBytes;
    full.ms.push(plain.ms);
    // the latest seq, from a delta (small), so that the one measured next spans about one busy poll
    const seq = (JSON.parse((await get(`${grid}&since=${JSON.parse(plain.body).seq}`, false)).body) as { seq: number }).seq;
    await sleep(POLL_MS + 50);
    const d = await get(`${grid}&since=${seq}`, false);
    const body = JSON.parse(d.body) as { seq: number; hosts: unknown[] };
    const dz = await get(`${grid}&since=${seq}`, true); // the same answer while no read came between, else a little more
    [delta.plain, delta.gzip, delta.hosts, delta.polls] = [d.wireBytes, dz.wireBytes, body.hosts.length, body.seq - seq];
    delta.ms.push(d.ms);
  }
  return { full: { ...full, ms: stats(full.ms).p50 }, delta: { ...delta, ms: stats(delta.ms).p50 } };
}

const NO_PAGE: PageFigures = { firstRowMs: null, wholeReadMs: null, firstPaintMs: null, longTasksOver50: NaN, longestTaskMs: NaN, blockedMs: NaN, updates: [], applies: [], heapMiB: NaN, elements: NaN };

async function measure(hosts: number, browser: Browser | null): Promise<Figures> {
  const pool = makeScalePool(ROOT, hosts, CHURN);
  let server: RunningServer | null = null;
  let churn: ReturnType<typeof setInterval> | null = null;
  const pages: Page[] = [];
  try {
    const floor = await floorMs(pool);
    server = await startServer({ MAILBOX_SOURCES: `scale=${pool.dir}`, MAILBOX_MAX_HOST_ID: String(hosts), MAILBOX_POLL_MS: String(POLL_MS) });
    await get(`${server.url}/api/sources/scale/snapshot?view=${VIEW}`, false); // the first read, decoded
    await sleep(3000);
    const idle = await window(server, WINDOW_S);
    churn = setInterval(() => pool.churn(BUSY_SHARE), POLL_MS);
    await sleep(2000);
    const busy = await window(server, WINDOW_S);
    const sent = await answers(server);
    const serverSide = { hosts, floorMs: floor, idleCpu: idle.cpu, idlePolls: idle.polls, busyCpu: busy.cpu, busyPolls: busy.polls, ...sent };
    if (!browser) return { ...serverSide, page: NO_PAGE, fresh: { p50: NaN, p95: NaN } };
    const page = await openPage(browser, `${server.url}/?source=scale`);
    pages.push(page);
    const loaded = await pageFigures(page);
    await resetWindow(page);
    await sleep(WINDOW_S * 2000);
    const { firstRowMs, firstPaintMs, wholeReadMs } = loaded;
    const figures = { ...(await pageFigures(page)), firstRowMs, firstPaintMs, wholeReadMs, load: { over50: loaded.longTasksOver50, longestMs: loaded.longestTaskMs } };
    const fresh = stats(await freshness(page, (acked) => pool.probe(acked), 20, POLL_MS));
    return { ...serverSide, page: figures, fresh };
  } finally {
    if (churn) clearInterval(churn);
    for (const p of pages) await p.close().catch(() => undefined);
    await server?.stop();
    pool.remove();
  }
}

function report(f: Figures): void {
  const u = stats(f.page.updates);
  const a = stats(f.page.applies);
  const floorPct = ((f.floorMs * (1000 / POLL_MS)) / 1000) * 100;
  console.log(`\n== ${f.hosts} hosts, every mailbox full, polled every ${POLL_MS} ms`);
  console.log(`floor: two direct reads ${f.floorMs.toFixed(2)} ms = ${floorPct.toFixed(1)}% of a core at 2 Hz (wall time, an upper bound)`);
  console.log(`server CPU idle ${f.idleCpu.toFixed(1)}% (${(f.idleCpu / floorPct).toFixed(1)}× the floor), polls/s ${f.idlePolls.toFixed(2)} / 2`);
  console.log(`server CPU busy (${BUSY_SHARE * 100}% of mailboxes rewritten per poll, ${CHURN === 'sweep' ? 'swept in host order' : 'picked at random'}) ${f.busyCpu.toFixed(1)}%, polls/s ${f.busyPolls.toFixed(2)} / 2`);
  console.log(`grid answer (view=${VIEW}) whole: ${kb(f.full.plain)} (${kb(f.full.gzip)} gzip) in ${f.full.ms.toFixed(0)} ms`);
  console.log(`grid answer delta (${f.delta.polls} busy poll(s), ${f.delta.hosts} hosts): ${kb(f.delta.plain)} (${kb(f.delta.gzip)} gzip) in ${f.delta.ms.toFixed(0)} ms` +
    ` = ${((f.delta.gzip / f.full.gzip) * 100).toFixed(1)}% of the whole (gzip)`);
  const load = f.page.load;
  console.log(`chromium: first rows ${f.page.firstRowMs?.toFixed(0)} ms (the page's first paint at ${f.page.firstPaintMs?.toFixed(0)} ms; the whole read drawn at ${f.page.wholeReadMs?.toFixed(0)} ms;` +
    ` while loading ${load?.over50} long tasks over 50 ms, longest ${load?.longestMs.toFixed(0)} ms); in ${WINDOW_S * 2} s of live updates ${f.page.longTasksOver50} long tasks over 50 ms` +
    ` (longest ${f.page.longestTaskMs.toFixed(0)} ms, ${f.page.blockedMs.toFixed(0)} ms blocked);` +
    ` update answer→DOM p50 ${u.p50.toFixed(1)} ms p95 ${u.p95.toFixed(1)} ms max ${u.max.toFixed(1)} ms over ${f.page.updates.length}` +
    ` (applying it, parsed JSON→DOM: p50 ${a.p50.toFixed(1)} ms p95 ${a.p95.toFixed(1)} ms);` +
    ` heap ${f.page.heapMiB.toFixed(0)} MiB, ${f.page.elements} grid elements`);
  console.log(`freshness write→cell p50 ${f.fresh.p50} ms, p95 ${f.fresh.p95} ms (target p95 ≤ ${POLL_MS + 100} ms)`);
}

async function main(): Promise<void> {
  const browser = BROWSER ? await launchBrowser() : null;
  const all: Figures[] = [];
  try {
    for (const hosts of SIZES) {
      const f = await measure(hosts, browser);
      report(f);
      all.push(f);
    }
  } finally {
    await closeAll(browser, []);
  }
  console.log('\n| hosts | idle CPU | busy CPU | polls/s busy | grid whole (gzip) | delta per poll (gzip) | first rows (first paint; whole read) | long tasks > 50 ms | update p95 (applying) | freshness p50/p95 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const f of all) {
    console.log(`| ${f.hosts} | ${f.idleCpu.toFixed(1)}% | ${f.busyCpu.toFixed(1)}% | ${f.busyPolls.toFixed(2)} | ${kb(f.full.plain)} (${kb(f.full.gzip)}), ${f.full.ms.toFixed(0)} ms |` +
      ` ${kb(f.delta.plain)} (${kb(f.delta.gzip)}) | ${f.page.firstRowMs?.toFixed(0)} ms (${f.page.firstPaintMs?.toFixed(0)} ms; ${f.page.wholeReadMs?.toFixed(0)} ms) | ${f.page.longTasksOver50} (max ${f.page.longestTaskMs.toFixed(0)} ms) |` +
      ` ${stats(f.page.updates).p95.toFixed(1)} ms (${stats(f.page.applies).p95.toFixed(1)} ms) | ${f.fresh.p50}/${f.fresh.p95} ms |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
