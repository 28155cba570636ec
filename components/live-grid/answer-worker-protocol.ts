/**
 * What the page's answer worker (answer-worker.ts) is asked and answers: a
 * grid request's status, headers and body, read and parsed off the page's
 * main thread (the mailboxes' slots texts of a `view=cells` answer gathered
 * into one string: gatherSlots). Shared by the worker and the page.
 */
import { asksForCells, gatherSlots } from '@/lib/api/cells';

export interface AnswerRequest {
  id: number;
  url: string;
  headers: Record<string, string>;
}

export type AnswerMessage =
  | {
      id: number;
      status: number;
      statusText: string;
      headers: Array<[string, string]>;
      /** when the headers arrived, as epoch ms (performance.timeOrigin + now): the page's timeline differs from the worker's */
      headersAt: number;
      /** the parsed JSON body; null without one (a 304) */
      body: unknown;
      /** why the body is not JSON, when it is not */
      parseError: string | null;
    }
  | { id: number; error: string };

/** Reads one answer as the worker does: fetched, its body read and parsed where this runs. */
export async function readAnswer(request: AnswerRequest, fetchImpl: typeof fetch = fetch, now: () => number = () => performance.timeOrigin + performance.now()): Promise<AnswerMessage> {
  const { id, url, headers } = request;
  try {
    const res = await fetchImpl(url, { headers, cache: 'no-store' });
    const headersAt = now();
    let body: unknown = null;
    let parseError: string | null = null;
    const text = await res.text();
    if (text !== '') {
      try {
        body = JSON.parse(text);
        if (asksForCells(url) && Array.isArray((body as { hosts?: unknown } | null)?.hosts)) body = gatherSlots(body as { hosts: unknown[] });
      } catch (err) {
        parseError = (err as Error).message;
      }
    }
    return { id, status: res.status, statusText: res.statusText, headers: [...res.headers], headersAt, body, parseError };
  } catch (err) {
    return { id, error: (err as Error).message || String(err) };
  }
}
