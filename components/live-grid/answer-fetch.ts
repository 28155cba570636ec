/**
 * A FetchLike whose answers are read and parsed in a Web Worker
 * (answer-worker.ts): the page's main thread gets a Response-like object whose
 * `json()` is already done. Falls back to `fallback` where there is no Worker
 * (tests, old browsers) and, for good, once the worker fails.
 */
import type { AnswerMessage, AnswerRequest } from './answer-worker-protocol';
import type { FetchLike } from './snapshot-fetcher';

/** A Response as the snapshot fetcher reads it, plus when its headers arrived (epoch ms). */
export interface ParsedResponse {
  status: number;
  ok: boolean;
  statusText: string;
  headers: Headers;
  headersAt: number;
  json(): Promise<unknown>;
}

interface Pending {
  url: string;
  init: RequestInit;
  fallback: FetchLike;
  resolve: (res: Response) => void;
  reject: (err: Error) => void;
}

function parsedResponse(message: Extract<AnswerMessage, { status: number }>): ParsedResponse {
  const { status, statusText, headers, headersAt, body, parseError } = message;
  return {
    status, statusText, headersAt, ok: status >= 200 && status < 300, headers: new Headers(headers),
    json: () => (parseError !== null ? Promise.reject(new SyntaxError(parseError)) : Promise.resolve(body)),
  };
}

function plainHeaders(init: RequestInit): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (out[key] = value));
  return out;
}

/**
 * One answer worker and the requests waiting on it. The page shares one (a screen mounted again, or
 * another fetcher, does not start a worker of its own: an idle worker lives until the page goes).
 */
export class AnswerChannel {
  private worker: Worker | null | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly start: () => Worker | null) {}

  fetch(url: string, init: RequestInit, fallback: FetchLike): Promise<Response> {
    const worker = this.ensure();
    if (!worker) return fallback(url, init);
    return new Promise<Response>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { url, init, fallback, resolve, reject });
      const base = typeof location === 'undefined' ? undefined : location.href;
      const request: AnswerRequest = { id, url: new URL(url, base).href, headers: plainHeaders(init) };
      worker.postMessage(request);
    });
  }

  private ensure(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      this.worker = this.start();
    } catch {
      this.worker = null;
    }
    if (!this.worker) return null;
    this.worker.onmessage = (event: MessageEvent<AnswerMessage>) => this.answered(event.data);
    this.worker.onerror = () => this.giveUp();
    return this.worker;
  }

  private answered(message: AnswerMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    if ('error' in message) p.reject(new TypeError(message.error)); // as fetch rejects: the request did not get an answer
    else p.resolve(parsedResponse(message) as unknown as Response);
  }

  /** The worker failed (it could not load, or it broke): what waited on it, and everything after, is fetched here. */
  private giveUp(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.fallback(p.url, p.init).then(p.resolve, p.reject);
    this.pending.clear();
  }
}

let shared: AnswerChannel | undefined;

/** A FetchLike over the page's answer worker (`channel`: another one, for tests), falling back to `fallback`. */
export function workerFetch(fallback: FetchLike, channel: AnswerChannel = (shared ??= new AnswerChannel(startAnswerWorker))): FetchLike {
  return (url, init) => channel.fetch(url, init, fallback);
}

function startAnswerWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof location === 'undefined') return null;
  return new Worker(new URL('./answer-worker.ts', import.meta.url), { type: 'module' });
}
