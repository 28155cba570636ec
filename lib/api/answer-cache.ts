/**
 * Answers serialised once per read. Many viewers polling the same endpoint
 * get the same bytes: JSON.stringify runs once per read and key (not once
 * per request), If-None-Match costs a string compare, and the server's
 * compression (lib/api/server/compressed.ts) is kept with the answer.
 * Isomorphic: the browser's local API serves through it too.
 */
import CRC32 from 'crc-32';

export interface SerializedAnswer {
  /** the JSON, UTF-8 */
  bytes: Uint8Array;
  /** the bytes as the one piece of a pieced answer: one object per answer, so its compressed forms are kept with it */
  whole: PiecedAnswer;
  etag: string;
  headers: Readonly<Record<string, string>>;
}

export interface AnswerParts {
  body: unknown;
  headers?: Record<string, string>;
  /** when the caller has a cheaper or more meaningful one (the snapshot's follows the bytes read); else crc-32 of the JSON */
  etag?: string;
}

/** Per source at most this many answers are kept, and this many bytes: the oldest go first. */
export const MAX_ANSWERS_PER_SOURCE = 32;
export const MAX_ANSWER_BYTES_PER_SOURCE = 64 * 1024 * 1024;

interface Held {
  read: unknown;
  answers: Map<string, SerializedAnswer>;
  bytes: number;
}

const held = new WeakMap<object, Held>();
const encoder = new TextEncoder();

export function serializeAnswer({ body, headers = {}, etag }: AnswerParts): SerializedAnswer {
  const bytes = encoder.encode(JSON.stringify(body));
  return { bytes, whole: { pieces: [bytes] }, etag: etag ?? `"${(CRC32.buf(bytes) >>> 0).toString(16).padStart(8, '0')}"`, headers };
}

/**
 * The answer `key` (an endpoint and its query) for the source's read `read`
 * (compared by identity): built and serialised on first ask, then reused
 * until the source has a new read.
 */
export function answerOnce(source: object, read: unknown, key: string, build: () => AnswerParts): SerializedAnswer {
  let entry = held.get(source);
  if (!entry || entry.read !== read) {
    entry = { read, answers: new Map(), bytes: 0 };
    held.set(source, entry);
  }
  const found = entry.answers.get(key);
  if (found) return found;
  const answer = serializeAnswer(build());
  entry.answers.set(key, answer);
  entry.bytes += answer.bytes.length;
  for (const [oldKey, old] of entry.answers) {
    if (entry.answers.size <= MAX_ANSWERS_PER_SOURCE && entry.bytes <= MAX_ANSWER_BYTES_PER_SOURCE) break;
    if (oldKey === key) continue;
    entry.answers.delete(oldKey);
    entry.bytes -= old.bytes.length;
  }
  return found ?? answer;
}

/** A stable key for a query: the same parameters in any order give the same key. */
export function queryKey(name: string, query: URLSearchParams): string {
  const sorted = [...query].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `${name}?${new URLSearchParams(sorted).toString()}`;
}

/** The Response for an answer: 304 when the client holds it already. */
export function serveAnswer(request: Request, answer: SerializedAnswer, extraHeaders: Record<string, string> = {}): Response {
  const headers = { ...answer.headers, ...extraHeaders, ETag: answer.etag };
  if (request.headers.get('if-none-match') === answer.etag) {
    return new Response(null, { status: 304, headers: { 'Cache-Control': 'no-cache', ...headers } });
  }
  return servePieces(answer.whole, headers);
}

/** Pieces are sent in chunks of about this size: big enough for few writes, small enough to start at once. */
const CHUNK_BYTES = 1 << 20;
/** An answer made of pieces (the whole grid: the header, a piece a host kept until the host changes, the findings). */
export interface PiecedAnswer {
  pieces: readonly Uint8Array[];
}

const pieced = new WeakMap<Response, PiecedAnswer>();

/**
 * A body over shared pieces, handed on in chunks of about CHUNK_BYTES as the reader asks for them (a piece
 * that fills a chunk goes as it is: shared bytes are not copied per request).
 */
export function piecesStream(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next >= pieces.length) {
        controller.close();
        return;
      }
      const first = next;
      let size = 0;
      while (next < pieces.length && (size === 0 || size + pieces[next].length <= CHUNK_BYTES)) size += pieces[next++].length;
      if (next - first === 1) {
        controller.enqueue(pieces[first]);
        return;
      }
      const chunk = new Uint8Array(size);
      for (let i = first, at = 0; i < next; at += pieces[i].length, i++) chunk.set(pieces[i], at);
      controller.enqueue(chunk);
    },
  });
}

/** A 200 JSON answer made of pieces (lib/api/grid-delta.ts); the server may compress it piece by piece (answerPieces). */
export function servePieces(answer: PiecedAnswer, headers: Record<string, string>): Response {
  const { pieces } = answer;
  const all = new Headers(headers);
  all.set('Content-Type', 'application/json; charset=utf-8');
  if (!all.has('Cache-Control')) all.set('Cache-Control', 'no-cache');
  const response = new Response(piecesStream(pieces), { status: 200, headers: all });
  pieced.set(response, answer);
  return response;
}

/** The pieces behind a Response made by servePieces. */
export function answerPieces(response: Response): PiecedAnswer | undefined {
  return pieced.get(response);
}
