import 'server-only';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { answerBytes, bytesStream } from '../answer-cache';
import { ENCODING_HEADER, precompressedBodiesAllowed } from './encoded-bodies';

type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this, compressing costs more than it saves. */
const MIN_COMPRESS_BYTES = 2048;

/**
 * Compressed forms of cached answers, made once per answer, on libuv's
 * threadpool (not the event loop), and shared by every client that asks.
 * They go when the answer's bytes go (WeakMap).
 */
const compressed = new WeakMap<Uint8Array, Partial<Record<Encoding, Promise<Uint8Array>>>>();

function compress(encoding: Encoding, bytes: Uint8Array): Promise<Uint8Array> {
  // Brotli at quality 5: most of its gain at a small part of the default (11)'s cost.
  return encoding === 'br'
    ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipped(bytes, { level: 6 });
}

export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

/** The answer compressed for this client when it accepts it (and the answer came from the answer cache). */
export async function negotiated(request: Request, response: Response): Promise<Response> {
  const bytes = answerBytes(response);
  if (!bytes || response.status !== 200 || bytes.length < MIN_COMPRESS_BYTES) return response;
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  if (!encoding || !precompressedBodiesAllowed()) return response;
  let forms = compressed.get(bytes);
  if (!forms) compressed.set(bytes, (forms = {}));
  const body = await (forms[encoding] ??= compress(encoding, bytes));
  const headers = new Headers(response.headers);
  headers.set(ENCODING_HEADER, encoding);
  headers.delete('Content-Length');
  headers.append('Vary', 'Accept-Encoding');
  return new Response(bytesStream(body), { status: 200, headers });
}
