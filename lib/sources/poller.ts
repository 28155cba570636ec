import 'server-only';
/**
 * One poller per source: reads both volumes once per interval, whoever is
 * watching. Each volume has its own reader thread (lib/io VolumeReader), so
 * storage that stops answering costs its own volume only: past the deadline
 * the read is reported as hanging, the interval goes on, and nothing new is
 * stacked on it until it answers. An unchanged volume costs the read alone:
 * the previous window and crcs are handed out again; a changed one costs its
 * changed mailboxes (their copies and crcs).
 */
import { VolumeReader, type VolumeReaderResult } from '@/lib/io';
import type { MailboxWindow, VolumeKind } from '@/lib/mailbox';
import { DEFAULT_READ_TIMEOUT_MS, type SourceConfig } from './config';
import { changedCrcs } from './fingerprint';
import type { PollRead, VolumeRead } from './read';

export type { PollRead, VolumeRead };


export interface PollerOptions {
  maxHostId: number;
  pollMs: number;
  /** MAILBOX_READ_TIMEOUT_MS */
  readTimeoutMs?: number;
}

type Listener = (read: PollRead) => void;

export class Poller {
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inFlight: Promise<PollRead> | null = null;
  private listeners = new Set<Listener>();
  private readers: Record<VolumeKind, VolumeReader | null> = { inbox: null, outbox: null };
  latest: PollRead | null = null;

  constructor(readonly source: SourceConfig, readonly options: PollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
    const readers = [this.readers.inbox, this.readers.outbox];
    this.readers = { inbox: null, outbox: null };
    // A thread stuck in the kernel cannot be waited for: let it go with the process.
    await Promise.race([Promise.all(readers.map((r) => r?.close())), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }

  onRead(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads now, unless a read is already under way: then waits for that one. Never longer than the read deadline. */
  poll(): Promise<PollRead> {
    this.inFlight ??= this.readBoth().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Whether no read has finished yet. */
  get firstReadPending(): boolean {
    return this.latest === null;
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    const started = performance.now();
    try {
      await this.poll();
    } catch (err) {
      console.error(`source ${this.source.name}: poll failed:`, err);
    }
    if (!this.running) return;
    const wait = Math.max(0, this.options.pollMs - (performance.now() - started));
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref();
  }

  private async readBoth(): Promise<PollRead> {
    const readAt = Date.now();
    const started = performance.now();
    const [inbox, outbox] = await Promise.all([
      this.readOne('inbox', this.source.inbox, this.latest?.inbox ?? null),
      this.readOne('outbox', this.source.outbox, this.latest?.outbox ?? null),
    ]);
    const read: PollRead = { seq: ++this.seq, readAt, readMs: performance.now() - started, inbox, outbox };
    this.latest = read;
    for (const listener of this.listeners) {
      try {
        listener(read);
      } catch (err) {
        console.error(`source ${this.source.name}: a read listener failed:`, err);
      }
    }
    return read;
  }

  private reader(kind: VolumeKind, path: string): VolumeReader {
    // maxHostId + 1 mailboxes: the SPM's window plus host maxHostId's own, to flag mail there.
    return (this.readers[kind] ??= new VolumeReader(path, {
      mailboxes: this.options.maxHostId + 1,
      deadlineMs: this.options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    }));
  }

  private async readOne(kind: VolumeKind, path: string | null, previous: VolumeRead | null): Promise<VolumeRead | null> {
    if (path === null) return null;
    const result: VolumeReaderResult = await this.reader(kind, path).read();
    const failed = (error: NonNullable<VolumeRead['error']>, stat = result.ok ? result.stat : result.stat ?? null): VolumeRead => ({
      kind, path, bytes: null, window: null, crcs: null, direct: false, error, readMs: 0, warnings: [], stat, lastOkAt: previous?.lastOkAt ?? null,
    });
    if (!result.ok) return failed(result.error);
    let window: MailboxWindow;
    let crcs: Int32Array;
    if (result.unchanged) {
      // The reader says "same as last time" only right after a good read: hand those objects out again.
      if (!previous?.window || !previous.crcs) return failed({ code: 'unknown', message: `${path}: the reader lost track of the previous bytes (reading again)` });
      window = previous.window;
      crcs = previous.crcs;
    } else {
      window = result.window!;
      crcs = changedCrcs(window, result.changed, previous?.window ? previous.crcs : null);
    }
    return {
      kind, path, window, crcs, direct: result.direct, error: null,
      get bytes() {
        return window.bytes;
      },
      readMs: result.readMs, warnings: result.warnings, stat: result.stat, lastOkAt: Date.now(),
    };
  }
}
