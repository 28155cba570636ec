/**
 * A simulated pool as a pure state machine on a virtual clock: one SPM, many
 * HSMs, two in-memory volumes. `advance(ms)` runs the clock and returns the
 * writes made, in order, for a caller to apply to files (see runner.ts) or
 * to check. No I/O, no timers, no Node imports: deterministic under a seed.
 */
import { VirtualClock } from './clock';
import { SimDisk } from './disk';
import { Hsm } from './hsm';
import { SimLog } from './log';
import { resolveOptions, type SimulationConfig, type SimulationOptions } from './options';
import { createRandom } from './random';
import { Spm } from './spm';
import type { Corruption, HostRole, RequestRecord, SimWrite, SpmRead } from './types';

export interface Simulation {
  /** the options in effect, defaults filled in; `config.seed` replays the run */
  readonly config: SimulationConfig;
  readonly roles: readonly HostRole[];
  /** virtual ms since the start */
  readonly now: number;
  /** the virtual time of the next thing that will happen */
  nextEventAt(): number;
  /** Runs `ms` of virtual time; returns the writes made, in order. */
  advance(ms: number): SimWrite[];
  /** Runs up to virtual time `t` (no-op if already past). */
  advanceTo(t: number): SimWrite[];
  /** mailboxes 0..maxHostId of each volume as the writes so far left them (do not modify) */
  readonly inbox: Uint8Array;
  readonly outbox: Uint8Array;
  /** every request so far (the newest `keepRecords`) */
  readonly requests: readonly RequestRecord[];
  /** every full read the SPM made (the newest `keepRecords`) */
  readonly reads: readonly SpmRead[];
  readonly corruptions: readonly Corruption[];
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const config = resolveOptions(options);
  const clock = new VirtualClock();
  const disk = new SimDisk(clock, config.maxHostId);
  const log = new SimLog(config.keepRecords);
  const random = createRandom(config.seed);

  new Spm({ clock, disk, log, random: random.fork('spm'), config }).start();
  for (const role of config.roles) {
    new Hsm({ clock, disk, log, random: random.fork(`hsm:${role.host}`), config, role }).start();
  }

  const advanceTo = (t: number): SimWrite[] => {
    if (!Number.isFinite(t)) throw new RangeError(`time must be finite, got ${t}`);
    clock.runUntil(t);
    return disk.drain();
  };

  return {
    config,
    roles: config.roles,
    get now() {
      return clock.now;
    },
    // The SPM and every HSM poll forever, so something is always scheduled.
    nextEventAt: () => clock.nextAt() ?? clock.now,
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`ms must be ≥ 0, got ${ms}`);
      return advanceTo(clock.now + ms);
    },
    advanceTo,
    inbox: disk.inbox,
    outbox: disk.outbox,
    requests: log.requests,
    reads: log.reads,
    corruptions: log.corruptions,
  };
}
