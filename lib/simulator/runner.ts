import 'server-only';
/**
 * Runs a simulation against real `inbox` and `outbox` files: paces the
 * virtual clock on a real timer and applies each write, in order, with a
 * positional write to files kept open. The protocol lives in the pure
 * simulation; this file only does I/O.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { createSimulation, type Simulation } from './simulation';
import type { SimulationOptions } from './options';
import type { SimWrite } from './types';

export interface SimulatorOptions extends SimulationOptions {
  /** where `inbox` and `outbox` go; created if missing */
  dir: string;
  /** virtual ms per real ms (default 1) */
  speed?: number;
  /**
   * size of each file in bytes (default (maxHostId + 1) × 4096, so host
   * maxHostId's mailbox exists; VOLUME_SIZE_BYTES from lib/mailbox for vdsm's 16 MiB)
   */
  volumeSizeBytes?: number;
  /** called after each write reached its file */
  onWrite?: (write: SimWrite) => void;
  /** called once if a write fails; the simulator then stops writing (stop() still closes the files) */
  onError?: (error: unknown) => void;
}

export interface RunningSimulator {
  dir: string;
  inboxPath: string;
  outboxPath: string;
  simulation: Simulation;
  /** Stops the timer, waits for the write under way, closes both files. Rejects with a write error, if any. */
  stop(): Promise<void>;
}

// Wake at least this often (real ms), so a long gap cannot leave the timer far behind a speed change.
const MAX_SLEEP_MS = 1000;
const ZERO_CHUNK_BYTES = 1024 * 1024;

/** Opens `file` for positional writes and makes it `size` zero bytes, without removing it first. */
async function openZeroed(file: string, size: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    handle = await open(file, 'w+');
  }
  try {
    if ((await handle.stat()).size !== size) await handle.truncate(size);
    const zeros = new Uint8Array(Math.min(size, ZERO_CHUNK_BYTES));
    for (let at = 0; at < size; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { dir, speed = 1, onWrite, onError, volumeSizeBytes, ...simulationOptions } = options;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const simulation = createSimulation(simulationOptions);
  const { maxHostId, outsideHost } = simulation.config;
  const needed = (outsideHost ? maxHostId + 1 : maxHostId) * MAILBOX_SIZE_BYTES;
  const size = volumeSizeBytes ?? (maxHostId + 1) * MAILBOX_SIZE_BYTES;
  if (!Number.isInteger(size) || size < needed) {
    throw new RangeError(`volumeSizeBytes must be an integer ≥ ${needed} (mailboxes 0..${needed / MAILBOX_SIZE_BYTES - 1}), got ${size}`);
  }

  await mkdir(dir, { recursive: true });
  const inboxPath = path.join(dir, 'inbox');
  const outboxPath = path.join(dir, 'outbox');
  const inbox = await openZeroed(inboxPath, size);
  const outbox = await openZeroed(outboxPath, size).catch(async (error) => {
    await inbox.close();
    throw error;
  });

  let stopped = false;
  let failure: unknown = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const startedAt = performance.now();
  const virtualNow = () => (performance.now() - startedAt) * speed;

  const tick = async (): Promise<void> => {
    timer = undefined;
    for (const write of simulation.advanceTo(virtualNow())) {
      const handle = write.file === 'inbox' ? inbox : outbox;
      await handle.write(write.bytes, 0, write.bytes.length, write.offset);
      onWrite?.(write);
    }
    if (stopped) return;
    const sleep = simulation.nextEventAt() / speed - (performance.now() - startedAt);
    timer = setTimeout(schedule, Math.min(MAX_SLEEP_MS, Math.max(0, sleep)));
  };
  const schedule = () => {
    running = tick().catch((error: unknown) => {
      stopped = true;
      failure = error;
      onError?.(error);
    });
  };
  schedule();

  let stopping: Promise<void> | null = null;
  return {
    dir,
    inboxPath,
    outboxPath,
    simulation,
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        if (timer !== undefined) clearTimeout(timer);
        await running;
        await Promise.allSettled([inbox.close(), outbox.close()]);
        if (failure !== null) throw failure;
      })();
      return stopping;
    },
  };
}
