/**
 * Replays a `mailbox-trace/1` trace from test/fixtures/vdsm-trace: the
 * writes vdsm's real mailbox code made, in order. `readsAfterEachWrite`
 * gives what a reader would have seen right after each write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadSample } from '@/lib/history/types';
import { FIXTURES, fixtureJson } from './fixtures';

export interface TraceWrite {
  t: number;
  file: 'inbox' | 'outbox';
  offset: number;
  data: Uint8Array;
  by: string;
}

export interface Trace {
  maxHosts: number;
  sizes: { inbox: number; outbox: number };
  writes: TraceWrite[];
}

export function loadTrace(name: string): Trace {
  const lines = readFileSync(path.join(FIXTURES, 'vdsm-trace', name, 'trace.jsonl'), 'utf8').trim().split('\n');
  const header = JSON.parse(lines[0]);
  if (header.format !== 'mailbox-trace/1') throw new Error(`${name}: expected format mailbox-trace/1, got ${header.format}`);
  const writes = lines.slice(1).map((line) => {
    const w = JSON.parse(line);
    return { t: w.t, file: w.file, offset: w.offset, data: new Uint8Array(Buffer.from(w.data, 'base64')), by: w.by };
  });
  return { maxHosts: header.maxHosts, sizes: header.files, writes };
}

export function traceExpected<T = any>(name: string): T {
  return fixtureJson<T>('vdsm-trace', name, 'expected.json');
}

/** One read after each write: seq = write index + 1, readAt = the write's t in ms. */
export function readsAfterEachWrite(trace: Trace): ReadSample[] {
  const volumes = { inbox: new Uint8Array(trace.sizes.inbox), outbox: new Uint8Array(trace.sizes.outbox) };
  return trace.writes.map((w, i) => {
    volumes[w.file].set(w.data, w.offset);
    return {
      seq: i + 1,
      readAt: w.t * 1000,
      inbox: { bytes: volumes.inbox.slice() },
      outbox: { bytes: volumes.outbox.slice() },
    };
  });
}
