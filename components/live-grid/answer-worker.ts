/**
 * A Web Worker that fetches the live grid's answers and parses them, so the
 * page's main thread receives JSON already parsed: on a busy 2000-host pool
 * each update is a 0.6 MB answer, and reading and parsing it was most of the
 * main thread's time per update. Only same-origin API URLs reach it.
 */
import { readAnswer, type AnswerRequest } from './answer-worker-protocol';

self.onmessage = async (event: MessageEvent<AnswerRequest>) => {
  (self as unknown as Worker).postMessage(await readAnswer(event.data));
};
