import 'server-only';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { answerPieces, piecesStream, type PiecedAnswer } from '../answer-cache';
import { ENCODING_HEADER, precompressedBodiesAllowed } from './encoded-bodies';

type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this, compressing costs more than it saves. */
const MIN_COMPRESS_BYTES = 2048;

function compress(encoding: Encoding, bytes: Uint8Array): Promise<Uint8Array> {
  // Brotli at quality 5: most of its gain at a small part of the default (11)'s cost.
  return encoding === 'br'
    ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipped(bytes, { level: 6 });
}

/** The encoding to send among `offered`, the client's preference aside: brotli when it takes it, then gzip. */
export function pickEncoding(acceptEncoding: string | null, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  return offered.find((encoding) => (accepted.get(encoding) ?? 0) > 0) ?? null;
}

/**
 * Every cached answer is a list of pieces (lib/api/answer-cache.ts), compressed once per encoding on the
 * threadpool and shared by every client that asks; the compressed forms go when the answer does (WeakMap on
 * its pieces). The whole grid of a 2000-host pool (2.9 MB) gzips in 10-25 ms there. It used to be joined from
 * each host's piece deflated on its own and kept: 2000 small deflates were about 140 ms of the main thread for
 * a viewer arriving at a busy pool, and pieces compressed apart share nothing (that answer was 14 times larger
 * on the wire in bench:scale).
 */
const compressedAnswers = new WeakMap<readonly Uint8Array[], Partial<Record<Encoding, Promise<readonly Uint8Array[]>>>>();

async function wholeCompressed(encoding: Encoding, pieces: readonly Uint8Array[]): Promise<readonly Uint8Array[]> {
  let joined = pieces[0];
  if (pieces.length !== 1) {
    joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    pieces.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  }
  return [await compress(encoding, joined)];
}

function compressed(answer: PiecedAnswer, encoding: Encoding): Promise<readonly Uint8Array[]> {
  let forms = compressedAnswers.get(answer.pieces);
  if (!forms) compressedAnswers.set(answer.pieces, (forms = {}));
  return (forms[encoding] ??= wholeCompressed(encoding, answer.pieces));
}

/** The answer compressed for this client when it accepts it (and the answer came from the answer cache). */
export async function negotiated(request: Request, response: Response): Promise<Response> {
  const answer = answerPieces(response);
  if (!answer || response.status !== 200 || !precompressedBodiesAllowed()) return response;
  if (answer.pieces.reduce((n, p) => n + p.length, 0) < MIN_COMPRESS_BYTES) return response;
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  if (!encoding) return response;
  const body = await compressed(answer, encoding);
  await response.body?.cancel();
  const headers = new Headers(response.headers);
  headers.set(ENCODING_HEADER, encoding);
  headers.delete('Content-Length');
  headers.append('Vary', 'Accept-Encoding');
  return new Response(piecesStream(body), { status: 200, headers });
}
