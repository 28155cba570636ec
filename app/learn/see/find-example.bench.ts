/**
 * What "see one now" costs the server: a search runs on the event loop, so
 * it must stay short even on a busy pool's history. Feeds a simulated pool
 * (lib/simulator, virtual clock) into a history read every 500 ms, then
 * times each search, and the worst case (a search that finds nothing and
 * spends its whole budget: MAX_LOOKS mailboxes or MAX_SEARCH_MS), against decoding both volumes whole once
 * (what one poll of the live server costs), measured in the same run.
 * Run: npm run bench:learn. Asserts nothing.
 */
import { decodeVolume } from '@/lib/mailbox';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { createSimulation, type SimulationOptions } from '@/lib/simulator';
import { EXAMPLE_KINDS, findExample, MAX_LOOKS, MAX_SEARCH_MS } from './find-example';

const POLL_MS = 500;
const MAX_HOST_ID = 250;

function feed(options: SimulationOptions, minutes: number): { history: SourceHistory; inbox: Uint8Array; outbox: Uint8Array } {
  const sim = createSimulation({ seed: 1426762, maxHostId: MAX_HOST_ID, ...options });
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: MAX_HOST_ID });
  const reads = (minutes * 60_000) / POLL_MS;
  for (let seq = 1; seq <= reads; seq++) {
    sim.advanceTo(seq * POLL_MS);
    history.ingest({ seq, readAt: seq * POLL_MS, inbox: { bytes: sim.inbox.slice() }, outbox: { bytes: sim.outbox.slice() } });
  }
  return { history, inbox: sim.inbox.slice(), outbox: sim.outbox.slice() };
}

function median(run: () => void, times = 9): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

function bench(name: string, options: SimulationOptions, minutes: number): void {
  const { history, inbox, outbox } = feed(options, minutes);
  const baseline = median(() => {
    decodeVolume(inbox, 'inbox', { maxHostId: MAX_HOST_ID });
    decodeVolume(outbox, 'outbox', { maxHostId: MAX_HOST_ID });
  });
  console.log(`\n${name}, ${minutes} min of reads; baseline: decoding both volumes whole ${baseline.toFixed(2)} ms`);
  for (const kind of EXAMPLE_KINDS) {
    const found = findExample(history, kind, MAX_HOST_ID);
    const ms = median(() => findExample(history, kind, MAX_HOST_ID));
    const where = found ? `read #${found.seq}, host ${found.host}` : 'none';
    console.log(`  ${kind.padEnd(9)} ${ms.toFixed(2).padStart(7)} ms = ${(ms / baseline).toFixed(1).padStart(5)}× the baseline (${where})`);
  }
}

bench('demo pool (12 hosts)', {}, 60);
// No extend ever fails here: its "failed" search is the worst case, finding nothing and spending its whole budget.
bench(`busy pool (200 hosts, a request every ~2 s each, no failed extends: "failed" spends its budget, ${MAX_LOOKS} looks or ${MAX_SEARCH_MS} ms)`,
  { hosts: 200, requestIntervalMs: 2000, sectorWriters: 10, corrupters: 5, failRate: 0 }, 10);
