/**
 * `npm run bench`: how fast one poll of a busy production-size inbox is.
 * Builds a 250-host inbox with every mailbox full (63 requests each) on the
 * work tree's file system, then measures in one run, medians over many runs:
 *   (a) our aligned direct read of the window vs a `dd iflag=direct` subprocess, as vdsm reads it;
 *   (b) our decode of the window vs a bare loop summing its bytes (the floor: the checksum touches every byte);
 *   (c) our read + decode vs an SPM-style poll in Python (dd + scan), as vdsm polls.
 * Prints ratios; asserts nothing (timings are not tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBuffer, readVolume } from '@/lib/io';
import { DEFAULT_MAX_HOST_ID, decodeVolume, encodeMailbox, encodeVolume, extend, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOSTS = DEFAULT_MAX_HOST_ID;
const WINDOW_BYTES = HOSTS * MAILBOX_SIZE_BYTES; // 1,024,000, what the SPM reads

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(); // warm up the JIT and the cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

function busyInbox(): Uint8Array {
  const hosts = new Map<number, Uint8Array>();
  for (let host = 1; host < HOSTS; host++) {
    const messages = new Map([...Array(MESSAGE_SLOTS_PER_MAILBOX).keys()].map((slot) => {
      const id = `${host.toString(16).padStart(8, '0')}-${slot.toString(16).padStart(4, '0')}-4000-a000-000000000000`;
      return [slot, extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', id, 1024 + slot * 128)] as const;
    }));
    hosts.set(host, encodeMailbox(messages));
  }
  return encodeVolume({ mailboxes: HOSTS, hosts });
}

function row(label: string, ours: number, baseline: number, baselineLabel: string, target: string): string {
  const ratio = baseline / ours;
  return `${label.padEnd(26)} ${ours.toFixed(3).padStart(9)} ms  vs ${baselineLabel.padEnd(30)} ${baseline.toFixed(3).padStart(9)} ms  ` +
    `ratio ${ratio >= 1 ? `${ratio.toFixed(1)}× faster` : `${(1 / ratio).toFixed(2)}× slower`}  (target: ${target})`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(ROOT, '.bench-'));
  const file = path.join(dir, 'inbox');
  try {
    writeFileSync(file, busyInbox());
    const sample = await readVolume(file, { mailboxes: HOSTS });
    if (!sample.ok) throw new Error(sample.error.message);
    const bytes = sample.bytes;
    const decoded = decodeVolume(bytes, 'inbox');
    const full = decoded.hosts.filter((h) => h.state === 'valid' && h.slots.length === MESSAGE_SLOTS_PER_MAILBOX).length;
    console.log(`inbox: ${HOSTS} mailboxes, ${full} hosts with 63 requests each, ${bytes.length} bytes, direct=${sample.direct}, on ${dir}\n`);

    const RUNS = 200;
    // As the poller reads: into a reused aligned buffer (fresh memory would add page faults to every read).
    const buffer = readBuffer(HOSTS);
    const read = await timeMs(RUNS, async () => {
      const r = await readVolume(file, { mailboxes: HOSTS, buffer });
      if (!r.ok || !r.direct) throw new Error('expected a direct read');
    });
    const freshRead = await timeMs(RUNS, async () => {
      const r = await readVolume(file, { mailboxes: HOSTS });
      if (!r.ok) throw new Error(r.error.message);
    });
    const dd = await timeMs(RUNS / 4, () => {
      const r = spawnSync('dd', [`if=${file}`, 'iflag=direct,fullblock', `bs=${WINDOW_BYTES}`, 'count=1'], { maxBuffer: 4 * WINDOW_BYTES });
      if (r.status !== 0 || r.stdout.length !== WINDOW_BYTES) throw new Error(`dd failed: ${r.stderr}`);
    });

    let sink = 0;
    const floor = await timeMs(RUNS, () => {
      let sum = 0;
      for (let i = 0; i < bytes.length; i++) sum += bytes[i];
      sink += sum;
    });
    const decode = await timeMs(RUNS, () => {
      sink += decodeVolume(bytes, 'inbox').hosts.length;
    });
    const poll = await timeMs(RUNS, async () => {
      const r = await readVolume(file, { mailboxes: HOSTS, buffer });
      if (r.ok) sink += decodeVolume(r.bytes, 'inbox').hosts.length;
    });
    // Decoding makes UUID and hex strings on first use; serving every message as JSON pays for all of them.
    const json = await timeMs(RUNS / 4, () => {
      sink += JSON.stringify(decodeVolume(bytes, 'inbox').hosts).length;
    });
    const python = Number(execFileSync('python3', [path.join(import.meta.dirname, 'spm-scan.py'), file, String(WINDOW_BYTES), '30'], { encoding: 'utf8' }));

    console.log(row('(a) aligned direct read', read, dd, 'dd iflag=direct subprocess', '≥ 3× faster'));
    console.log(row('(b) decode the window', decode, floor, 'bare byte-sum loop (floor)', 'within 3× of the floor'));
    console.log(row('(c) read + decode (a poll)', poll, python, 'dd + SPM-style Python scan', '≥ 20× faster'));
    console.log(`\nalso: a read into fresh memory takes ${freshRead.toFixed(3)} ms (page faults); ` +
      `decode + JSON of all ${full * MESSAGE_SLOTS_PER_MAILBOX} messages (every string made) takes ${json.toFixed(3)} ms.`);
    void sink;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
