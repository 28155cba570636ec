/**
 * `npm run bench:logs`: how fast vdsm logs are read. Writes a vdsm-like log
 * of ≥ 500 MB on the work tree's disk (real line shapes, a few thousand
 * 16 KB `checksum failed` lines), then measures in one run, on the same
 * file (in the page cache for all):
 *   our scan in Node (MB/s), `grep -c -F 'checksum failed'`, a Python scan
 *   like contrib/extend-stats (a regex per line), and our scan in Chromium,
 *   by the log panel's own Web Worker (driven here with playwright-core).
 * Also the browser's own read of the file (File.stream(), bytes dropped), the
 * ceiling of any scan there. Prints ratios against the targets; asserts nothing (timings are not tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { scanLogFile } from '@/lib/vdsm-log/node';
import type { FromWorker } from '@/components/vdsm-log/worker-protocol';
import { writeBenchLog } from './logs-data';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, '.bench-logs');
const MIN_BYTES = Number(process.env.BENCH_LOG_MB ?? 520) * 1024 * 1024;
const CHECKSUM_LINES = 3000;
const RUNS = 3;
const MB = 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (bytes: number, ms: number) => bytes / MB / (ms / 1000);

async function nodeScan(file: string): Promise<{ ms: number; heapMB: number; rssMB: number; resultKB: number; lines: number; failures: number }> {
  const times: number[] = [];
  let last = await scanLogFile(file);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    last = await scanLogFile(file);
    times.push(performance.now() - started);
  }
  (globalThis as { gc?: () => void }).gc?.(); // what is still held, not garbage waiting for a collection
  const mem = process.memoryUsage();
  return {
    ms: median(times), heapMB: mem.heapUsed / MB, rssMB: mem.rss / MB, resultKB: JSON.stringify(last).length / 1024,
    lines: last.lines, failures: last.checksumFailures.reduce((n, e) => n + e.count, 0),
  };
}

function timed(command: string, args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0 && !(command === 'grep' && run.status === 1)) throw new Error(`${command} failed: ${run.stderr}`);
  return { ms: performance.now() - started, stdout: run.stdout.trim() };
}

interface BrowserRun {
  ms: number;
  waitMs: number;
  lines: number;
  failures: number;
  /** the same file read through File.stream() and dropped, in a worker of the same page: the browser's own ceiling */
  readOnlyMs: number;
}

/** A worker that only reads a file through File.stream(), as the log worker does, and drops the bytes. */
const READ_ONLY_WORKER = `onmessage = async (e) => {
  const started = performance.now();
  const reader = e.data.stream().getReader();
  let bytes = 0;
  for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.length; }
  postMessage({ ms: performance.now() - started, bytes });
};`;

/** The log panel's own Web Worker (components/vdsm-log/log-worker.ts), given the file as a person picking it would. */
async function browserScan(file: string): Promise<BrowserRun> {
  const bundle = await build({ entryPoints: [path.join(ROOT, 'components/vdsm-log/log-worker.ts')], bundle: true, write: false, format: 'esm', platform: 'browser', alias: { '@': ROOT }, logLevel: 'error' });
  const worker = bundle.outputFiles[0].text;
  const page = `<!doctype html><input type="file" id="f"><script>
    const w = new Worker('/worker.js', { type: 'module' });
    const r = new Worker('/read-only.js');
    w.onmessage = (e) => { if (e.data.type !== 'progress') window.__result = e.data; };
    r.onmessage = (e) => { window.__readOnly = e.data; w.postMessage({ type: 'scan', files: [window.__file] }); };
    document.getElementById('f').onchange = (e) => { window.__file = e.target.files[0]; r.postMessage(window.__file); };
  </script>`;
  const scripts: Record<string, string> = { '/worker.js': worker, '/read-only.js': READ_ONLY_WORKER };
  const server = createServer((req, res) => {
    const script = scripts[req.url ?? ''];
    res.setHeader('Content-Type', script ? 'text/javascript' : 'text/html');
    res.end(script ?? page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
  try {
    const times: BrowserRun[] = [];
    for (let i = 0; i < 2; i++) {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.setInputFiles('#f', file);
      await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, undefined, { timeout: 600_000, polling: 200 });
      const done = await tab.evaluate(() => (window as unknown as { __result: FromWorker }).__result);
      if (done.type !== 'done') throw new Error(`the log worker failed: ${done.type === 'error' ? done.message : done.type}`);
      const readOnly = await tab.evaluate(() => (window as unknown as { __readOnly: { ms: number } }).__readOnly);
      times.push({
        ms: done.progress.elapsedMs, waitMs: done.progress.waitMs, lines: done.result.lines,
        failures: done.result.checksumFailures.reduce((n, e) => n + e.count, 0), readOnlyMs: readOnly.ms,
      });
      await tab.close();
    }
    return times.sort((a, b) => a.ms - b.ms)[0];
  } finally {
    await browser.close();
    server.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, 'vdsm-bench.log');
  const log = await writeBenchLog(file, MIN_BYTES, CHECKSUM_LINES);
  const bytes = log.bytes;
  // Every reader starts from the page cache.
  spawnSync('sh', ['-c', `cat '${file}' > /dev/null`]);
  console.log(`log: ${file} (${(bytes / MB).toFixed(0)} MB, ${CHECKSUM_LINES} checksum-failed lines of ~16 KB); ${RUNS} runs each, medians\n`);

  const ours = await nodeScan(file);
  const grepTimes = Array.from({ length: RUNS }, () => timed('grep', ['-c', '-F', 'checksum failed', file]));
  const grep = { ms: median(grepTimes.map((g) => g.ms)), count: grepTimes[0].stdout };
  const py = timed('python3', [path.join(ROOT, 'bench/logs-python-scan.py'), file]);
  const pyMs = Number(py.stdout.split(' ')[0]) * 1000;
  const chrome = await browserScan(file);

  const row = (name: string, ms: number, note: string) => console.log(`${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s ${rate(bytes, ms).toFixed(0).padStart(6)} MB/s  ${note}`);
  row('ours, Node (scanLogFile)', ours.ms, `${ours.lines} lines, ${ours.failures} failures found`);
  row("grep -c -F 'checksum failed'", grep.ms, `count ${grep.count}`);
  row('Python, a regex per line (like extend-stats)', pyMs, `${py.stdout.split(' ')[1]} lines, ${py.stdout.split(' ')[2]} matches`);
  const chromeScanMs = chrome.ms - chrome.waitMs;
  row('ours, Chromium (the log panel\'s Web Worker)', chrome.ms, `${chrome.lines} lines, ${chrome.failures} failures found; ${(chrome.waitMs / 1000).toFixed(2)} s waiting for File.stream(), ${(chromeScanMs / 1000).toFixed(2)} s scanning (${rate(bytes, chromeScanMs).toFixed(0)} MB/s)`);
  row('Chromium, File.stream() read alone', chrome.readOnlyMs, 'the browser\'s own read, bytes dropped (a worker of the same page, just before the scan): the ceiling of any scan there');
  console.log('');
  const check = (what: string, value: number, target: string, ok: boolean) => console.log(`${what.padEnd(44)} ${value.toFixed(2).padStart(7)}×  target ${target}  ${ok ? 'met' : 'NOT met'}`);
  check('ours vs Python (faster by)', pyMs / ours.ms, '≥ 5×', pyMs / ours.ms >= 5);
  check('ours vs grep (slower by)', ours.ms / grep.ms, '≤ 4×', ours.ms / grep.ms <= 4);
  check('Chromium worker vs Node (throughput ratio)', ours.ms / chrome.ms, '≥ 0.5×', ours.ms / chrome.ms >= 0.5);
  console.log(`${'  Chromium\'s read alone vs Node\'s scan'.padEnd(44)} ${(ours.ms / chrome.readOnlyMs).toFixed(2).padStart(7)}×  (the most the worker could reach here)`);
  console.log(`${'  Chromium worker vs Chromium\'s read alone'.padEnd(44)} ${(chrome.readOnlyMs / chrome.ms).toFixed(2).padStart(7)}×  (1 = scanning costs nothing beyond the read)`);
  console.log(`\nmemory after the Node scans: heap ${ours.heapMB.toFixed(0)} MB, RSS ${ours.rssMB.toFixed(0)} MB for a ${(bytes / MB).toFixed(0)} MB file; the result JSON is ${ours.resultKB.toFixed(0)} KB (it grows with what was found, not with the file)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
