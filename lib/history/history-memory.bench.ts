/**
 * How much an hour of history costs: a simulated pool (lib/simulator, on its
 * virtual clock, so an hour takes seconds) read every 500 ms for 3600 s,
 * each read ingested as the live server does. Prints, for a quiet demo pool
 * and a busy one, in the same run:
 *   - the bytes the store accounts for, against keeping every read whole (the baseline);
 *   - the memory really held (heap + array buffers after a GC), against the accounted bytes;
 *   - the time to ingest one read, against decoding both volumes whole (the live path's cost).
 * Run: node_modules/.bin/tsx --expose-gc lib/history/history-memory.bench.ts. Asserts nothing.
 */
import { decodeVolume, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { createSimulation, type SimulationOptions } from '@/lib/simulator';
import { updateCrcs } from '@/lib/sources/fingerprint';
import { DEFAULT_HISTORY_SETTINGS } from './settings';
import { SourceHistory } from './source-history';

const POLL_MS = 500;
const HOUR_MS = 3_600_000;
let MAX_HOST_ID = 250;
const MIB = 1024 * 1024;
const READS = HOUR_MS / POLL_MS;

const gc = (globalThis as { gc?: () => void }).gc;
function heldBytes(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface Fed {
  history: SourceHistory;
  writes: number;
  ingestMs: number;
  decodeMs: number;
}

/** One simulated hour into a history. The simulation goes out of scope here, so what stays held is the history's. */
function feed(options: SimulationOptions): Fed {
  const sim = createSimulation({ seed: 1426762, maxHostId: MAX_HOST_ID, ...options });
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: MAX_HOST_ID });
  let previous: Record<'inbox' | 'outbox', { bytes: Uint8Array; crcs: Int32Array } | null> = { inbox: null, outbox: null };
  const fed = { history, writes: 0, ingestMs: 0, decodeMs: 0 };
  for (let seq = 1; seq <= READS; seq++) {
    fed.writes += sim.advanceTo(seq * POLL_MS).length;
    // As the poller hands them out: a copy per read, crcs reused for unchanged mailboxes.
    const sample = (kind: 'inbox' | 'outbox') => {
      const bytes = sim[kind].slice();
      const crcs = updateCrcs(bytes, previous[kind]);
      previous = { ...previous, [kind]: { bytes, crcs } };
      return { bytes, crcs };
    };
    const read = { seq, readAt: seq * POLL_MS, inbox: sample('inbox'), outbox: sample('outbox') };
    let started = performance.now();
    history.ingest(read);
    fed.ingestMs += performance.now() - started;
    if (seq % 100 === 0) {
      started = performance.now();
      decodeVolume(read.inbox.bytes, 'inbox', { maxHostId: MAX_HOST_ID });
      decodeVolume(read.outbox.bytes, 'outbox', { maxHostId: MAX_HOST_ID });
      fed.decodeMs += (performance.now() - started) * 100;
    }
  }
  return fed;
}

function run(name: string, options: SimulationOptions): void {
  const before = heldBytes();
  const { history, writes, ingestMs, decodeMs } = feed(options);
  const held = heldBytes() - before;
  const { store } = history;
  const whole = READS * 2 * (MAX_HOST_ID + 1) * MAILBOX_SIZE_BYTES;
  const requests = history.requests.list().length;
  const episodes = history.episodes.list();
  console.log(`\n${name}: ${writes} writes in 1 h, ${READS} reads, ${requests} requests kept, ${episodes.length} episodes ` +
    `(${episodes.filter((e) => e.verdict === 'torn').length} torn, ${episodes.filter((e) => e.verdict === 'corrupt').length} corrupt)`);
  console.log(`  accounted ${(store.bytes / MIB).toFixed(1)} MiB for ${store.size} reads; every read whole would be ${(whole / MIB).toFixed(0)} MiB: ` +
    `${(whole / store.bytes).toFixed(0)}× less`);
  console.log(`  the last ${((store.size * POLL_MS) / 60_000).toFixed(1)} min of the hour are kept under the ${DEFAULT_HISTORY_SETTINGS.maxBytes / MIB} MiB cap` +
    `${store.capped ? ' (capped: the oldest reads went first)' : ''}`);
  console.log(`  held after GC ${(held / MIB).toFixed(1)} MiB (store and trackers): ${(held / store.bytes).toFixed(2)}× the accounted bytes` +
    `${gc ? '' : ' (run with --expose-gc for a steady figure)'}`);
  console.log(`  ingest ${(ingestMs / READS).toFixed(3)} ms per read; decoding both volumes whole ${(decodeMs / READS).toFixed(3)} ms: ` +
    `${(decodeMs / ingestMs).toFixed(1)}× the ingest`);
}

run('demo pool (12 hosts, a request every ~10 s each, 2 pre-2017 writers, 1 corrupter)', {});
run('busy pool (200 hosts, a request every ~2 s each, up to 3 in flight, 10 pre-2017 writers, 5 corrupters)', {
  hosts: 200, requestIntervalMs: 2000, sectorWriters: 10, corrupters: 5,
});
// BENCH_BIG=1: the same busy pool at vdsm's largest size, to see how much of the hour the default byte cap keeps.
if (process.env.BENCH_BIG) {
  MAX_HOST_ID = 2000;
  run('busy 2000-host pool (1600 hosts, as busy as above each)', { hosts: 1600, requestIntervalMs: 2000, sectorWriters: 80, corrupters: 40 });
}
