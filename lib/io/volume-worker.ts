import 'server-only';
import { Worker } from 'node:worker_threads';

/** Raw answers of lib/io/read-worker.mjs; volume-reader.ts turns them into results. */
export type WorkerFailure = { ok: false; during: string; errno?: string; message: string };

export type WorkerStat = WorkerFailure | { ok: true; kind: string; size: number; rdev: string; identity: string };

export type WorkerRead =
  | WorkerFailure
  | {
      ok: true;
      bytesRead: number;
      readMs: number;
      direct: boolean;
      /** when O_DIRECT was refused with EINVAL: on open or on read */
      refusedOn: 'open' | 'read' | null;
      identity: string;
      /** fstat's size of what was opened (0 for a block device) */
      size: number;
      identityChanged?: true;
      unchanged?: true;
      /** a fresh copy of the whole window, when nothing was known to compare with */
      bytes?: ArrayBuffer;
      /** when the window of generation `known` was compared with: the changed mailboxes' bytes, one after another in mailbox order */
      patch?: ArrayBuffer;
      /** per mailbox, 1 if it changed since the window of generation `known`; null with `bytes` */
      changed?: Uint8Array | null;
      generation?: number;
    };

export interface ReadArgs {
  path: string;
  readBytes: number;
  windowBytes: number;
  alignment: number;
  /** refuse the read when the opened volume is not this one (null: not known yet) */
  identity: string | null;
  /** generation of the window the caller holds: the worker compares against it only if it is the last one */
  known: number;
}

/**
 * A worker thread owning one volume's blocking calls. Calls are answered in
 * order; one that never returns (storage that stopped answering) holds this
 * thread only, and the caller decides how long to wait.
 */
export class VolumeWorker {
  private worker: Worker | null = null;
  private started: Promise<void> | null = null;
  private nextId = 0;
  private pending = new Map<number, { resolve: (answer: unknown) => void; reject: (err: Error) => void }>();

  stat(path: string): Promise<WorkerStat> {
    return this.call('stat', { path }) as Promise<WorkerStat>;
  }

  read(args: ReadArgs): Promise<WorkerRead> {
    return this.call('read', args) as Promise<WorkerRead>;
  }

  /** Resolves once the thread has started and loaded its module: a deadline should not count that. */
  ready(): Promise<void> {
    this.ensure();
    return this.started!;
  }

  /** Ends the thread; one stuck in the kernel goes when its call returns. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('the volume reader was closed'));
    await worker?.terminate();
  }

  private call(op: string, args: object): Promise<unknown> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url));
    worker.unref(); // a hung read must not keep the process from exiting
    let started!: () => void;
    this.started = new Promise((resolve) => (started = resolve));
    worker.on('message', ({ id, answer, ready }: { id: number; answer: unknown; ready?: true }) => {
      if (ready) return started();
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      waiting?.resolve(answer);
    });
    const lost = (err: Error) => {
      if (this.worker === worker) this.worker = null; // the next call starts a new one
      started();
      this.fail(err);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the volume reader thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}
