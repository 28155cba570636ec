import 'server-only';
import { Worker } from 'node:worker_threads';
import type { VolumeKind } from '@/lib/mailbox/types';

/** Decodes at once, at most: one per core here; more wait for nobody, they get 429. */
export const MAX_CONCURRENT_DECODES = 2;
/** Each decode thread's JavaScript heap: the answer is streamed, so the decode itself needs little. */
const DECODE_HEAP_MB = 128;

interface Pool {
  idle: Worker[];
  active: number;
}

const KEY = Symbol.for('mailbox-inspector.decode-pool');
const pool: Pool = ((globalThis as Record<symbol, unknown>)[KEY] ??= { idle: [], active: 0 }) as Pool;

function newWorker(): Worker {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: DECODE_HEAP_MB } });
  worker.unref();
  return worker;
}

export interface DecodeLease {
  /** The answer's JSON, decoded on the lease's thread as the stream is read; releases the lease when done. */
  stream(bytes: Uint8Array, kind: VolumeKind, maxHostId: number): ReadableStream<Uint8Array>;
  release(): void;
}

/** A decode thread, or null when MAX_CONCURRENT_DECODES are running (answer 429). */
export function leaseDecoder(): DecodeLease | null {
  if (pool.active >= MAX_CONCURRENT_DECODES) return null;
  pool.active++;
  let released = false;
  let worker: Worker | null = pool.idle.pop() ?? newWorker();
  let healthy = true;
  let detach = () => {};
  const release = () => {
    if (released) return;
    released = true;
    pool.active--;
    if (worker && healthy) {
      worker.postMessage({ type: 'stop' });
      detach(); // only ours: removeAllListeners would also drop Node's own, and the thread would go deaf
      const idle = worker;
      idle.once('exit', () => pool.idle.splice(pool.idle.indexOf(idle) >>> 0, 1));
      pool.idle.push(idle);
    } else {
      void worker?.terminate();
    }
    worker = null;
  };

  const stream = (bytes: Uint8Array, kind: VolumeKind, maxHostId: number) => {
    const w = worker!;
    // Hand the body over without a copy when it owns its whole buffer.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    w.postMessage({ type: 'start', bytes: owned, kind, maxHostId }, [owned as ArrayBuffer]);
    let waiting: { resolve: (m: { done: boolean; bytes?: Uint8Array }) => void; reject: (e: Error) => void } | null = null;
    const fail = (err: Error) => {
      healthy = false;
      waiting?.reject(err);
      waiting = null;
    };
    const onMessage = (m: { done: boolean; bytes?: Uint8Array }) => {
      waiting?.resolve(m);
      waiting = null;
    };
    const onExit = (code: number) => fail(new Error(`the decode thread stopped (exit ${code})`));
    w.on('message', onMessage);
    w.on('error', fail);
    w.on('exit', onExit);
    detach = () => {
      w.off('message', onMessage);
      w.off('error', fail);
      w.off('exit', onExit);
    };
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await new Promise<{ done: boolean; bytes?: Uint8Array }>((resolve, reject) => {
            waiting = { resolve, reject };
            w.postMessage({ type: 'next' });
          });
          if (next.done) {
            controller.close();
            release();
          } else {
            controller.enqueue(next.bytes!);
          }
        } catch (err) {
          release();
          controller.error(err);
        }
      },
      cancel() {
        release();
      },
    }, { highWaterMark: 1 });
  };
  return { stream, release };
}
