/**
 * Replays a trace against a clock the caller drives: writes are applied in
 * time order at a speed of 0.25× to 8×, and the reader reads on its schedule,
 * giving the ReadSamples a real reader would have seen at those moments.
 * Pausing stops the trace's time; stepping applies the next write and reads
 * right after it. Pure: no timers here (the page calls `advance`).
 */
import type { ReadSample } from '@/lib/history/types';
import type { Trace } from './trace-format';
import { TraceVolumes } from './trace-volumes';
import { DEFAULT_POLL_MS, readTimes, type ReadSchedule } from './read-schedule';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const MIN_SPEED = SPEEDS[0];
export const MAX_SPEED = SPEEDS[SPEEDS.length - 1];

export interface PlayerOptions {
  schedule?: ReadSchedule;
  speed?: number;
  /** epoch ms of the trace's t = 0, for the reads' readAt */
  t0Ms?: number;
  /** names shown as the reads' paths */
  paths?: { inbox: string; outbox: string };
}

export class TracePlayer {
  private volumes: TraceVolumes;
  private times: number[];
  /** index of the next scheduled read */
  private nextRead = 0;
  private seq = 0;
  /** the trace's time now, in seconds */
  position = 0;
  speed: number;
  paused = false;
  readonly t0Ms: number;
  readonly end: number;

  constructor(readonly trace: Trace, private options: PlayerOptions = {}) {
    this.volumes = new TraceVolumes(trace);
    this.end = trace.writes.at(-1)?.t ?? 0;
    this.times = readTimes(options.schedule ?? { intervalMs: DEFAULT_POLL_MS }, this.end);
    this.speed = clampSpeed(options.speed ?? 1);
    this.t0Ms = options.t0Ms ?? 0;
  }

  /** every write applied and every scheduled read taken */
  get finished(): boolean {
    return this.volumes.done && this.nextRead >= this.times.length;
  }

  get writesApplied(): number {
    return this.volumes.applied;
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
  }

  /** Moves the trace's time on by `wallMs` × speed (nothing while paused) and returns the reads taken on the way. */
  advance(wallMs: number): ReadSample[] {
    if (this.paused || wallMs <= 0) return [];
    return this.runUntil(this.position + (wallMs / 1000) * this.speed);
  }

  /** Runs the trace up to `t` seconds regardless of speed: the scheduled reads in between, in order. */
  runUntil(t: number): ReadSample[] {
    const reads: ReadSample[] = [];
    while (this.nextRead < this.times.length && this.times[this.nextRead] <= t) {
      const at = this.times[this.nextRead++];
      this.volumes.applyUntil(at);
      reads.push(this.read(at));
    }
    this.volumes.applyUntil(t);
    this.position = Math.max(this.position, t);
    return reads;
  }

  /** Applies the next write (after the scheduled reads before it) and reads right after it; pauses the replay. */
  step(): ReadSample[] {
    this.paused = true;
    const t = this.volumes.nextT;
    if (t === null) return [];
    const reads: ReadSample[] = [];
    while (this.nextRead < this.times.length && this.times[this.nextRead] < t) {
      const at = this.times[this.nextRead++];
      this.volumes.applyUntil(at);
      reads.push(this.read(at));
    }
    this.volumes.applyNext();
    this.position = t;
    reads.push(this.read(t));
    return reads;
  }

  private read(t: number): ReadSample {
    const bytes = this.volumes.read();
    const paths = this.options.paths ?? { inbox: 'trace: inbox', outbox: 'trace: outbox' };
    return {
      seq: ++this.seq,
      readAt: this.t0Ms + Math.round(t * 1000),
      inbox: { bytes: bytes.inbox, path: paths.inbox },
      outbox: { bytes: bytes.outbox, path: paths.outbox },
    };
  }
}

function clampSpeed(speed: number): number {
  return Number.isFinite(speed) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) : 1;
}
