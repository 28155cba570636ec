/**
 * The trace replayer on real vdsm traces (test/fixtures/vdsm-trace): the
 * reads it produces, fed to the same history as live reads, show the tears a
 * real SPM logged, and a regular reader shows a tear exactly when it reads
 * inside a half-written mailbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import { decodeMailbox, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { readTimes } from '@/lib/replay/read-schedule';
import { parseTrace, type Trace } from '@/lib/replay/trace-format';
import { TracePlayer } from '@/lib/replay/trace-player';
import { FIXTURES } from '../support/fixtures';
import { loadTrace, readsAfterEachWrite, traceExpected } from '../support/vdsm-trace';

interface Step { t: number; complete?: { t: number } }
interface Expected {
  checksumFailures: Array<{ mailbox: number; stored: number; computed: number; spmRead: { t: number } }>;
  requests: Array<{ host: number; request: Step; clean: Step }>;
}

function traceText(name: string): string {
  return readFileSync(path.join(FIXTURES, 'vdsm-trace', name, 'trace.jsonl'), 'utf8');
}

function parsed(name: string): Trace {
  const result = parseTrace(traceText(name), name);
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

/** Feeds `reads` to a history; returns it and the mailboxes the SPM would have logged as failing, as `host@t`. */
function ingest(reads: ReadSample[]) {
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: 10 });
  const torn: string[] = [];
  for (const read of reads) {
    for (const host of history.ingest(read).episodes.spmFailing) torn.push(`${host}@${read.readAt}`);
  }
  return { history, torn };
}

const ms = (t: number) => Math.round(t * 1000);

describe('torn-pre2017 replayed', () => {
  const trace = parsed('torn-pre2017');
  const expected = traceExpected<Expected>('torn-pre2017');

  it('parses the trace in the browser-safe way exactly as the test loader does (Buffer)', () => {
    const reference = loadTrace('torn-pre2017');
    expect(trace.sizes).toEqual(reference.sizes);
    expect(trace.writes).toHaveLength(90);
    expect(trace.writes.map((w) => [w.t, w.file, w.offset, [...w.data]]))
      .toEqual(reference.writes.map((w) => [w.t, w.file, w.offset, [...w.data]]));
  });

  it("reading at the SPM's own read times shows exactly the 16 torn reads it logged, with their checksums", () => {
    const spmTimes = [...new Set(expected.checksumFailures.map((f) => f.spmRead.t))];
    const player = new TracePlayer(trace, { schedule: { times: [0, ...spmTimes] } });
    const reads = player.runUntil(Infinity);
    const { torn } = ingest(reads);
    expect(torn).toHaveLength(16);
    expect(torn.sort()).toEqual(expected.checksumFailures.map((f) => `${f.mailbox}@${ms(f.spmRead.t)}`).sort());
    for (const f of expected.checksumFailures) {
      const read = reads.find((r) => r.readAt === ms(f.spmRead.t))!;
      const mailbox = decodeMailbox(read.inbox!.bytes!, f.mailbox * MAILBOX_SIZE_BYTES, { kind: 'inbox', host: f.mailbox, maxHostId: 10 });
      expect(mailbox.checksum).toMatchObject({ stored: f.stored, computed: f.computed });
    }
  });

  it('a reader every 500 ms (the default) shows a tear exactly when it reads inside a half-written mailbox', () => {
    const player = new TracePlayer(trace);
    const reads = player.runUntil(Infinity);
    // Half-written: from an HSM's first sector write to its last, for the request and the CLEAN (the SPM checks both).
    const halfWritten = expected.requests.flatMap((r) => [r.request, r.clean].map((s) => ({ host: r.host, from: s.t, to: s.complete!.t })));
    const oracle = reads.flatMap((read) => halfWritten
      .filter((w) => read.readAt >= ms(w.from) && read.readAt < ms(w.to))
      .map((w) => `${w.host}@${read.readAt}`));
    const { torn, history } = ingest(reads);
    expect(oracle.length).toBeGreaterThan(8);
    expect(torn.sort()).toEqual(oracle.sort());
    // Without a valid read between a host's request and its CLEAN, both tears are one episode: still proven torn.
    const episodes = history.episodes.list().filter((e) => e.versions.some((v) => v.spmChecks));
    expect(episodes.map((e) => e.verdict)).toEqual(episodes.map(() => 'torn'));
  });

  it('stepping write by write gives the same reads as reading after every write', () => {
    const player = new TracePlayer(trace, { schedule: { times: [] } });
    const stepped: ReadSample[] = [];
    for (let i = 0; i < trace.writes.length; i++) stepped.push(...player.step());
    expect(player.step()).toEqual([]);
    const reference = readsAfterEachWrite(loadTrace('torn-pre2017'));
    expect(stepped.map((r) => [r.seq, r.readAt])).toEqual(reference.map((r) => [r.seq, Math.round(r.readAt)]));
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(stepped.filter((r, i) => !same(r.inbox!.bytes!, reference[i].inbox!.bytes!) || !same(r.outbox!.bytes!, reference[i].outbox!.bytes!))).toEqual([]);
  });
});

describe('the player', () => {
  const trace = parsed('roundtrip-ok');

  it('runs the trace at the chosen speed: 1 s of wall time is 2 s of trace at 2×, 0.25 s at 0.25×', () => {
    const fast = new TracePlayer(trace, { speed: 2 });
    fast.advance(1000);
    expect(fast.position).toBe(2);
    const slow = new TracePlayer(trace, { speed: 0.25 });
    slow.advance(1000);
    expect(slow.position).toBe(0.25);
  });

  it('keeps the speed within 0.25× to 8×', () => {
    const p = new TracePlayer(trace);
    p.setSpeed(100);
    expect(p.speed).toBe(8);
    p.setSpeed(0.01);
    expect(p.speed).toBe(0.25);
  });

  it('takes the scheduled reads on the way, in order, each with the writes made before it', () => {
    const p = new TracePlayer(trace, { t0Ms: 1_000_000 });
    const reads = p.advance(1200);
    expect(reads.map((r) => r.readAt)).toEqual([1_000_000, 1_000_500, 1_001_000]);
    expect(reads.map((r) => r.seq)).toEqual([1, 2, 3]);
    const appliedBy = (t: number) => trace.writes.filter((w) => w.t <= t).length;
    expect(p.writesApplied).toBe(appliedBy(1.2));
  });

  it('stands still while paused, and a step pauses it', () => {
    const p = new TracePlayer(trace);
    p.paused = true;
    expect(p.advance(5000)).toEqual([]);
    expect(p.position).toBe(0);
    p.paused = false;
    p.step();
    expect(p.paused).toBe(true);
    expect(p.writesApplied).toBe(1);
  });

  it('ends after one read past the last write, with the final files', () => {
    const p = new TracePlayer(trace);
    const reads = p.runUntil(Infinity);
    expect(p.finished).toBe(true);
    const final = readsAfterEachWrite(loadTrace('roundtrip-ok')).at(-1)!;
    expect(Buffer.from(reads.at(-1)!.inbox!.bytes!).equals(Buffer.from(final.inbox!.bytes!))).toBe(true);
    expect(Buffer.from(reads.at(-1)!.outbox!.bytes!).equals(Buffer.from(final.outbox!.bytes!))).toBe(true);
  });

  it('schedules reads at a phase within the interval, up to one interval past the end', () => {
    expect(readTimes({ intervalMs: 500, phaseMs: 1200 }, 1.5)).toEqual([0.2, 0.7, 1.2, 1.7]);
    expect(readTimes({ times: [3, 1, -1] }, 10)).toEqual([1, 3]);
  });
});

describe('parseTrace', () => {
  const header = '{"format":"mailbox-trace/1","maxHosts":10,"files":{"inbox":8192,"outbox":8192}}';

  it.each([
    ['not json', 'trace: line 1: expected a JSON header'],
    ['{"format":"other/2"}', 'trace: expected format mailbox-trace/1, got "other/2"'],
    [`${header}\n{"t":1,"file":"inbox","offset":0,"data":"AA=="}\nnope`, 'trace: line 3: expected a JSON object'],
    [`${header}\n{"t":2,"file":"inbox","offset":0,"data":"AA=="}\n{"t":1,"file":"inbox","offset":0,"data":"AA=="}`, 'trace: line 3: expected writes in time order, got t=1 after t=2'],
    [`${header}\n{"t":1,"file":"sideways","offset":0,"data":"AA=="}`, 'trace: line 2: expected "file" to be inbox or outbox, got "sideways"'],
    [`${header}\n{"t":1,"file":"outbox","offset":8192,"data":"AA=="}`, 'trace: line 2: write of 1 bytes at 8192 goes past the end of the outbox (8192 bytes)'],
    [`${header}\n{"t":1,"file":"outbox","offset":0,"data":"%%%"}`, 'trace: line 2: expected "data" to be base64'],
  ])('refuses %j with a message naming the line', (text, error) => {
    expect(parseTrace(text)).toEqual({ ok: false, error: expect.stringContaining(error) });
  });
});
