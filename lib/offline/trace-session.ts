/**
 * A trace opened in the browser, replayed into a source: the player's reads
 * go into an OpenedSource as they are taken, so the grid, timeline and
 * episodes follow the replay like a live pool.
 */
import { DEFAULT_POLL_MS, type ReadSchedule } from '@/lib/replay/read-schedule';
import type { Trace } from '@/lib/replay/trace-format';
import { TracePlayer } from '@/lib/replay/trace-player';
import { OpenedSource } from './opened-source';

export interface TraceSessionOptions {
  id: string;
  fileName: string;
  /** the replay's reader: every `pollMs` (default 500, vdsm's event-driven SPM) */
  pollMs?: number;
  speed?: number;
  /** epoch ms of the trace's t = 0 */
  t0Ms: number;
}

export class TraceSession {
  readonly player: TracePlayer;
  readonly source: OpenedSource;
  readonly pollMs: number;

  constructor(readonly trace: Trace, options: TraceSessionOptions) {
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    const schedule: ReadSchedule = { intervalMs: this.pollMs };
    const paths = { inbox: `${options.fileName}: inbox`, outbox: `${options.fileName}: outbox` };
    this.player = new TracePlayer(trace, { schedule, speed: options.speed, t0Ms: options.t0Ms, paths });
    this.source = new OpenedSource({
      id: options.id, name: `trace: ${options.fileName}`, inbox: paths.inbox, outbox: paths.outbox,
      maxHostId: trace.maxHosts, pollMs: 250, historyMs: 2 * (trace.writes.at(-1)?.t ?? 0) * 1000,
    });
    // The volumes before the first write: what a reader sees when the replay starts.
    this.take(this.player.runUntil(0));
  }

  /** Moves the replay on by `wallMs` of real time; returns how many reads were taken. */
  tick(wallMs: number): number {
    return this.take(this.player.advance(wallMs));
  }

  step(): number {
    return this.take(this.player.step());
  }

  private take(reads: ReturnType<TracePlayer['advance']>): number {
    for (const read of reads) this.source.ingest(read);
    return reads.length;
  }
}
