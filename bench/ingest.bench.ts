/**
 * `npm run bench:ingest`: what a busy 2000-host poll costs the server once
 * its two volumes are read, without the reads, HTTP or a browser: a quieter
 * figure than bench:scale's, for work on the server's busy CPU. It replays
 * polls in memory (10% of the inbox and of the outbox mailboxes rewritten
 * each poll, as bench:scale's churn) through what the live source does with
 * a read: the last window patched with the changed mailboxes' bytes (as the
 * reader's thread sends them), their crcs, the decode of those, the
 * history (versions, episodes, requests) and the metrics. It prints the CPU
 * of all the process's threads (garbage collection included) per poll, as %
 * of a core at 2 polls/s, against a baseline measured in the same run: the
 * crcs and the decode alone (the reads themselves are bench:scale's floor).
 * It runs under the server's node flags (scripts/server-node.json; npm's
 * script passes them, and the bench refuses to run without them).
 * Prints; asserts nothing (timings are not tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { decodeVolume, MAILBOX_SIZE_BYTES, MailboxWindow, type DecodedVolume, type VolumeKind } from '@/lib/mailbox';
import { metrics } from '@/lib/metrics/metrics';
import { initSourceMetrics, recordRead } from '@/lib/metrics/record';
import { changedCrcs } from '@/lib/sources/fingerprint';
import type { PollRead, VolumeRead } from '@/lib/sources/read';
// @ts-expect-error: plain JavaScript, as the reader's thread runs it
import { patchOf } from '../lib/io/window-patch.mjs';
import SERVER_NODE from '../scripts/server-node.json';
import { makeScalePool, PROBE_HOST } from './scale/pool';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOSTS = Number(process.env.BENCH_HOSTS ?? 2000);
const SHARE = 0.1;
const POLL_MS = 500;
const WARM_POLLS = 60;
const POLLS = 120;
const ROUNDS = 3;
const KINDS = ['inbox', 'outbox'] as const;

/** Every mailbox full, in two variants (each mailbox's requests and replies with other sizes). */
function variants(): Record<VolumeKind, Uint8Array>[] {
  const pool = makeScalePool(ROOT, HOSTS);
  try {
    const read = () => ({ inbox: new Uint8Array(readFileSync(path.join(pool.dir, 'inbox'))), outbox: new Uint8Array(readFileSync(path.join(pool.dir, 'outbox'))) });
    const first = read();
    pool.churn(1);
    return [first, read()];
  } finally {
    pool.remove();
  }
}

interface Replay {
  /** one poll: rewrites 10% of the mailboxes, then does what the live source does with the read */
  poll(): void;
}

function replay(both: Record<VolumeKind, Uint8Array>[], ingest: boolean): Replay {
  const volumes = { inbox: both[0].inbox.slice(), outbox: both[0].outbox.slice() };
  const variant = { inbox: new Uint8Array(HOSTS + 1), outbox: new Uint8Array(HOSTS + 1) };
  const decoded: Record<VolumeKind, { window: MailboxWindow; crcs: Int32Array; volume: DecodedVolume } | null> = { inbox: null, outbox: null };
  // the baseline decodes only: no history, no metrics
  const history = ingest ? new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: HOSTS }) : null;
  if (ingest) initSourceMetrics(metrics(), 'bench');
  let next = 2;
  let seq = 0;
  let readAt = Date.now();
  return {
    poll() {
      seq++;
      readAt += POLL_MS;
      const read: PollRead = { seq, readAt, readMs: 1, inbox: null, outbox: null };
      const decodedNow: Partial<Record<VolumeKind, DecodedVolume>> = {};
      for (const kind of KINDS) {
        // which mailboxes the reader saw change (it compares each read with the last)
        const rewritten = new Uint8Array(HOSTS + 1);
        // as bench:scale's churn: the next 10% of the hosts in turn (never the probe's), each to its other variant
        for (let n = 0; n < HOSTS * SHARE; n++) {
          if (next === PROBE_HOST) next++;
          variant[kind][next] ^= 1;
          rewritten[next] = 1;
          const at = next * MAILBOX_SIZE_BYTES;
          volumes[kind].set(both[variant[kind][next]][kind].subarray(at, at + MAILBOX_SIZE_BYTES), at);
          next = next >= HOSTS ? 2 : next + 1;
        }
        // as the reader hands it out: the first read whole, then the last window patched with the changed mailboxes' bytes
        const before = decoded[kind];
        let count = 0;
        for (const flag of rewritten) count += flag;
        const patch = new Uint8Array(patchOf(volumes[kind], rewritten, count));
        const window = before ? before.window.patched(rewritten, patch) : MailboxWindow.of(volumes[kind].slice());
        const crcs = changedCrcs(window, before ? rewritten : null, before?.crcs ?? null);
        const changed: number[] = [];
        if (before) for (let i = 0; i < crcs.length; i++) if (before.crcs[i] !== crcs[i]) changed.push(i);
        const volume = decodeVolume(window, kind, { maxHostId: HOSTS }, before ? { previous: before.volume, changed } : undefined);
        decoded[kind] = { window, crcs, volume };
        decodedNow[kind] = volume;
        read[kind] = {
          kind, path: kind, window, crcs, direct: true, error: null, readMs: 1, warnings: [], stat: null, lastOkAt: readAt,
          get bytes() {
            return window.bytes;
          },
        } satisfies VolumeRead;
      }
      if (!history) return;
      const result = history.ingest(read, decodedNow);
      recordRead(metrics(), 'bench', read, result);
    },
  };
}

/** CPU ms of the whole process (every thread: the collector's helpers too) per poll, and main-thread wall ms. */
function measure(r: Replay): { cpuMs: number; wallMs: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < POLLS; i++) r.poll();
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000 / POLLS, wallMs: (performance.now() - wall0) / POLLS };
}

const pct = (ms: number) => `${((ms * (1000 / POLL_MS)) / 1000 * 100).toFixed(1)}%`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main(): void {
  // The collector's threads are part of the cost: measured under the server's own flags, or not at all.
  const missing = SERVER_NODE.flags.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length > 0) throw new Error(`run under the server's node flags (scripts/server-node.json): missing ${missing.join(' ')}`);
  const both = variants();
  const decodeOnly = replay(both, false);
  const whole = replay(both, true);
  for (let i = 0; i < WARM_POLLS; i++) {
    decodeOnly.poll();
    whole.poll();
  }
  const base: number[] = [];
  const full: number[] = [];
  const wall: number[] = [];
  // alternated, so that a busier moment of the machine weighs on both
  for (let round = 0; round < ROUNDS; round++) {
    base.push(measure(decodeOnly).cpuMs);
    const w = measure(whole);
    full.push(w.cpuMs);
    wall.push(w.wallMs);
  }
  const [b, f] = [median(base), median(full)];
  console.log(`${HOSTS} hosts, ${SHARE * 100}% of the inbox and of the outbox mailboxes rewritten per poll, ${ROUNDS} × ${POLLS} polls (medians)`);
  console.log(`baseline, crcs + decode of the changed mailboxes: ${b.toFixed(1)} ms CPU per poll = ${pct(b)} of a core at 2 polls/s`);
  console.log(`what the server does with a read (crcs, decode, history, episodes, requests, metrics): ${f.toFixed(1)} ms CPU per poll = ${pct(f)}` +
    ` (${(f / b).toFixed(2)}× the baseline; main thread ${median(wall).toFixed(1)} ms per poll)`);
}

main();
