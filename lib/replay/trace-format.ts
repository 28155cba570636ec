/**
 * The `mailbox-trace/1` format (test/fixtures/README.md): a JSON header line
 * (`format`, `maxHosts`, `files` with each volume's size), then one JSON line
 * per write in time order: `{"t":seconds,"file":"inbox"|"outbox","offset":bytes,"data":base64,"by":"hsm:N"|"spm"}`.
 * Parsing never throws: a bad line comes back as an error naming its line.
 */
import type { VolumeKind } from '@/lib/mailbox';

export const TRACE_FORMAT = 'mailbox-trace/1';

export interface TraceWrite {
  /** seconds from the start of the trace */
  t: number;
  file: VolumeKind;
  offset: number;
  data: Uint8Array;
  by: string;
}

export interface Trace {
  maxHosts: number;
  sizes: Record<VolumeKind, number>;
  note: string;
  writes: TraceWrite[];
}

export type ParsedTrace = { ok: true; trace: Trace } | { ok: false; error: string };

function base64Bytes(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function parseWrite(line: string, sizes: Trace['sizes'], lastT: number): TraceWrite | string {
  let w: Record<string, unknown>;
  try {
    w = JSON.parse(line);
  } catch {
    return 'expected a JSON object';
  }
  if (typeof w?.t !== 'number' || !Number.isFinite(w.t)) return 'expected "t" (seconds) to be a number';
  if (w.t < lastT) return `expected writes in time order, got t=${w.t} after t=${lastT}`;
  if (w.file !== 'inbox' && w.file !== 'outbox') return `expected "file" to be inbox or outbox, got ${JSON.stringify(w.file)}`;
  if (!isCount(w.offset)) return 'expected "offset" to be a whole number of bytes';
  const data = typeof w.data === 'string' ? base64Bytes(w.data) : null;
  if (!data) return 'expected "data" to be base64';
  if (w.offset + data.length > sizes[w.file]) {
    return `write of ${data.length} bytes at ${w.offset} goes past the end of the ${w.file} (${sizes[w.file]} bytes)`;
  }
  return { t: w.t, file: w.file, offset: w.offset, data, by: typeof w.by === 'string' ? w.by : '' };
}

export function parseTrace(text: string, name = 'trace'): ParsedTrace {
  const lines = text.split('\n');
  let header: Record<string, any>;
  try {
    header = JSON.parse(lines[0]);
  } catch {
    return { ok: false, error: `${name}: line 1: expected a JSON header with "format":"${TRACE_FORMAT}"` };
  }
  if (header?.format !== TRACE_FORMAT) {
    return { ok: false, error: `${name}: expected format ${TRACE_FORMAT}, got ${JSON.stringify(header?.format ?? null)}` };
  }
  const sizes = header.files ?? {};
  if (!isCount(sizes.inbox) || !isCount(sizes.outbox) || !isCount(header.maxHosts)) {
    return { ok: false, error: `${name}: line 1: expected "maxHosts" and "files":{"inbox":bytes,"outbox":bytes}` };
  }
  const writes: TraceWrite[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const w = parseWrite(lines[i], sizes, writes.at(-1)?.t ?? -Infinity);
    if (typeof w === 'string') return { ok: false, error: `${name}: line ${i + 1}: ${w}` };
    writes.push(w);
  }
  return { ok: true, trace: { maxHosts: header.maxHosts, sizes: { inbox: sizes.inbox, outbox: sizes.outbox }, note: String(header.note ?? ''), writes } };
}
