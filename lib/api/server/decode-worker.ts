/**
 * A thread that decodes uploaded dumps for /api/decode, piece by piece as the
 * answer is sent (lib/api/decode-stream.ts): the event loop stays free for
 * everyone else, and a slow reader holds at most one piece in memory.
 */
import { parentPort } from 'node:worker_threads';
import type { VolumeKind } from '@/lib/mailbox/types';
import { decodeAnswerPieces } from '../decode-stream';

type Message =
  | { type: 'start'; bytes: ArrayBuffer; kind: VolumeKind; maxHostId: number }
  | { type: 'next' }
  | { type: 'stop' };

const encoder = new TextEncoder();
let pieces: Generator<string> | null = null;

parentPort!.on('message', (message: Message) => {
  if (message.type === 'start') {
    pieces = decodeAnswerPieces(new Uint8Array(message.bytes), message.kind, message.maxHostId);
  } else if (message.type === 'stop') {
    pieces = null;
  } else if (pieces) {
    const next = pieces.next();
    if (next.done) {
      pieces = null;
      parentPort!.postMessage({ done: true });
    } else {
      const bytes = encoder.encode(next.value);
      parentPort!.postMessage({ done: false, bytes }, [bytes.buffer]);
    }
  } else {
    parentPort!.postMessage({ done: true });
  }
});
