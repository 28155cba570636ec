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

export function workerFetch(fallback: FetchLike, start: () => Worker | null = startAnswerWorker): FetchLike {
  let worker: Worker | null | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const giveUp = () => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) fallback(p.url, p.init).then(p.resolve, p.reject);
    pending.clear();
  };
  const ensure = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = start();
    } catch {
      worker = null;
    }
    if (!worker) return null;
    worker.onmessage = (event: MessageEvent<AnswerMessage>) => {
      const message = event.data;
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if ('error' in message) p.reject(new TypeError(message.error)); // as fetch rejects: the request did not get an answer
      else p.resolve(parsedResponse(message) as unknown as Response);
    };
    worker.onerror = giveUp;
    return worker;
  };
  return (url, init) => {
    const w = ensure();
    if (!w) return fallback(url, init);
    return new Promise<Response>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { url, init, resolve, reject });
      const request: AnswerRequest = { id, url: new URL(url, typeof location === 'undefined' ? undefined : location.href).href, headers: plainHeaders(init) };
      w.postMessage(request);
    });
  };
}

function startAnswerWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof location === 'undefined') return null;
  return new Worker(new URL('./answer-worker.ts', import.meta.url), { type: 'module' });
}
