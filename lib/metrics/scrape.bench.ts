/**
 * `npm run bench:metrics`: what scraping /api/metrics costs on a busy pool.
 * A 250-host source on real files with every inbox mailbox full (~14,500 open
 * requests: the worst case for the per-scrape pass over them) and 20 hosts
 * failing their checksum, polled a few times; then, in the same run:
 *   - CPU (user + system) per scrape, against one steady-state poll of the same source (the baseline:
 *     what the server pays every 500 ms anyway), and as a share of one core at a 5 s scrape interval;
 *   - the source's reads and this process's read syscalls (/proc/self/io) across all the scrapes, against the
 *     same count of empty awaits (reading /proc/self/io is itself a read): both must stay put.
 * Asserts nothing (timings are not tests).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { checksum, encodeMailbox, encodeVolume, extend, MESSAGE_SLOTS_PER_MAILBOX, writeChecksum } from '@/lib/mailbox';
import { LiveSource } from '@/lib/sources/live-source';
import { metrics } from './metrics';
import { scrape } from './scrape';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_HOST_ID = 250;
const FAILING_HOSTS = 20;
const SCRAPES = 300;
const POLLS = 300;
const SCRAPE_EVERY_S = 5;
const POLL_EVERY_S = 0.5;

function busyInbox(): Uint8Array {
  const hosts = new Map<number, Uint8Array>();
  for (let host = 1; host <= MAX_HOST_ID; host++) {
    const messages = new Map([...Array(MESSAGE_SLOTS_PER_MAILBOX).keys()].map((slot) => {
      const id = `${host.toString(16).padStart(8, '0')}-${slot.toString(16).padStart(4, '0')}-4000-a000-000000000000`;
      return [slot, extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', id, 1024 + slot * 128)] as const;
    }));
    const mailbox = encodeMailbox(messages);
    if (host <= FAILING_HOSTS) writeChecksum(mailbox, 0, checksum(mailbox) + 1);
    hosts.set(host, mailbox);
  }
  return encodeVolume({ mailboxes: MAX_HOST_ID + 1, hosts });
}

/** CPU ms (user + system) per call of `fn`, over `runs` calls after a warm-up. */
async function cpuMsPer(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

function readSyscalls(): number {
  const line = readFileSync('/proc/self/io', 'utf8').split('\n').find((l) => l.startsWith('syscr:'));
  return Number(line?.split(/\s+/)[1] ?? NaN);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(ROOT, '.bench-'));
  try {
    writeFileSync(path.join(dir, 'inbox'), busyInbox());
    writeFileSync(path.join(dir, 'outbox'), encodeVolume({ mailboxes: MAX_HOST_ID + 1 }));
    const source = new LiveSource(
      { id: 'busy', name: 'busy', demo: false, inbox: path.join(dir, 'inbox'), outbox: path.join(dir, 'outbox') },
      { maxHostId: MAX_HOST_ID, pollMs: 500 },
      DEFAULT_HISTORY_SETTINGS,
    );
    for (let i = 0; i < 3; i++) await source.poller.poll();
    const m = metrics();
    const text = await scrape(m, [source]);

    const pollMs = await cpuMsPer(POLLS, () => source.poller.poll());
    const readsBefore = source.poller.latest!.seq;
    const syscallsBefore = readSyscalls();
    const scrapeMs = await cpuMsPer(SCRAPES, () => scrape(m, [source]));
    const syscalls = readSyscalls() - syscallsBefore;
    const reads = source.poller.latest!.seq - readsBefore;
    const controlBefore = readSyscalls();
    await cpuMsPer(SCRAPES, () => Promise.resolve());
    const control = readSyscalls() - controlBefore;

    const open = [...source.history.requests.open()].length;
    console.log(`busy source: ${MAX_HOST_ID} hosts, ${open} open requests, ${FAILING_HOSTS} failing; exposition ${text.length} bytes, ${text.split('\n').filter((l) => l && !l.startsWith('#')).length} samples`);
    console.log(`scrape (gauges + render)     ${scrapeMs.toFixed(3).padStart(8)} ms CPU   vs one steady poll ${pollMs.toFixed(3).padStart(8)} ms CPU   ratio ${(scrapeMs / pollMs).toFixed(2)}×`);
    const scrapeShare = scrapeMs / (SCRAPE_EVERY_S * 1000);
    const pollShare = pollMs / (POLL_EVERY_S * 1000);
    console.log(`one core: scraping every ${SCRAPE_EVERY_S} s ${(100 * scrapeShare).toFixed(3)}%   polling every ${POLL_EVERY_S} s ${(100 * pollShare).toFixed(3)}%   ` +
      `(scrapes add ${(100 * scrapeShare / pollShare).toFixed(1)}% to what polling costs)`);
    console.log(`storage: ${reads} source reads and ${syscalls} read syscalls during ${SCRAPES + 20} scrapes (${control} during as many empty awaits)`);
    await source.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
