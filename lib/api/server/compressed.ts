import 'server-only';
import { promisify } from 'node:util';
import { brotliCompress, constants, crc32, deflateRawSync, gzip } from 'node:zlib';
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
 * Every cached answer is a list of pieces (lib/api/answer-cache.ts), compressed once per encoding and shared
 * by every client that asks; the compressed forms go when the answer does (WeakMap on its pieces):
 *  - an answer compressed whole (a kept JSON, a grid delta), on libuv's threadpool, in brotli or gzip;
 *  - a joined answer (the whole grid) in gzip only, from each host's piece deflated once and kept while the host
 *    does not change (a piece deflated on its own and ended by a sync flush joins the next by plain
 *    concatenation), so a 2000-host answer costs the hosts that changed since it was last asked for, a hundred
 *    at a time between other requests.
 */
const compressedAnswers = new WeakMap<readonly Uint8Array[], Partial<Record<Encoding, Promise<readonly Uint8Array[]>>>>();
const deflatedPieces = new WeakMap<Uint8Array, Uint8Array>();

/** gzip (RFC 1952) member: header, no name, no time, "unknown" OS. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
/** An empty fixed-Huffman block marked final: ends the deflate stream after the pieces' sync flushes. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * A piece is compressed on its own, so a window larger than the piece finds nothing more: a host's piece
 * (a few KiB) with a 4 KiB window deflates to the same size about 4 times faster than with the default
 * 32 KiB one, whose setup is most of the cost of a small input.
 */
const pieceWindowBits = (bytes: number) => Math.max(9, Math.min(15, Math.ceil(Math.log2(Math.max(1, bytes)))));

/** Pieces deflated in one turn of the event loop: a 2000-host answer does not hold up other requests while it is made. */
const PIECES_PER_TURN = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function joinedGzip(pieces: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  let deflatedNow = 0;
  for (const piece of pieces) {
    let done = deflatedPieces.get(piece);
    if (!done) {
      done = deflateRawSync(piece, { level: 6, windowBits: pieceWindowBits(piece.length), finishFlush: constants.Z_SYNC_FLUSH });
      deflatedPieces.set(piece, done);
      if (++deflatedNow % PIECES_PER_TURN === 0) await nextTurn();
    }
    out.push(done);
    crc = crc32(piece, crc);
    size += piece.length;
  }
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, size % 2 ** 32, true);
  out.push(FINAL_BLOCK, trailer);
  return out;
}

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
  return (forms[encoding] ??= answer.join ? joinedGzip(answer.pieces) : wholeCompressed(encoding, answer.pieces));
}

/** The answer compressed for this client when it accepts it (and the answer came from the answer cache). */
export async function negotiated(request: Request, response: Response): Promise<Response> {
  const answer = answerPieces(response);
  if (!answer || response.status !== 200 || !precompressedBodiesAllowed()) return response;
  if (answer.pieces.reduce((n, p) => n + p.length, 0) < MIN_COMPRESS_BYTES) return response;
  // A joined answer exists in gzip only: its pieces' deflates are what is kept.
  const encoding = pickEncoding(request.headers.get('accept-encoding'), answer.join ? ['gzip'] : ['br', 'gzip']);
  if (!encoding) return response;
  const body = await compressed(answer, encoding);
  await response.body?.cancel();
  const headers = new Headers(response.headers);
  headers.set(ENCODING_HEADER, encoding);
  headers.delete('Content-Length');
  headers.append('Vary', 'Accept-Encoding');
  return new Response(piecesStream(body), { status: 200, headers });
}
