/** Simulation options, their defaults, and the roles hosts are given. */
import { DEFAULT_MAX_HOST_ID } from '@/lib/mailbox';
import { createRandom, randomSeed, type Random } from './random';
import type { HostRole } from './types';

export type Range = readonly [min: number, max: number];

export interface SimulationOptions {
  /** PRNG seed; random when omitted (the one used is in `simulation.config.seed`) */
  seed?: number;
  /** the SPM reads mailboxes 0..maxHostId-1 (default 250, vdsm's) */
  maxHostId?: number;
  /** HSM hosts inside the SPM's window (default 12) */
  hosts?: number;
  /** explicit host ids inside the window (overrides `hosts`) */
  hostIds?: readonly number[];
  /** add a host whose id is maxHostId: its mail is never read (default true) */
  outsideHost?: boolean;
  /** hosts that write the pre-2017 way, 8 × 512 bytes (default 2) */
  sectorWriters?: number;
  /** hosts whose mailbox now and then gets one byte corrupted (default 1) */
  corrupters?: number;
  /** storage domains the requests are spread over (default 2) */
  domains?: number;
  /** mean ms between one host's requests; each host gets 0.5..2 × this (default 10000) */
  requestIntervalMs?: number;
  /** requests one host keeps open at most (default 3) */
  maxInFlight?: number;
  /** share of extends that fail, answered with size 0 (default 0.08) */
  failRate?: number;
  /** how long the SPM takes to extend, ms (default [100, 800]) */
  extendDelayMs?: Range;
  /** share of replies written as a whole-outbox rewrite instead of one mailbox (default 0.1) */
  wholeOutboxReplyRate?: number;
  /** the SPM checks the event block this often (default 500, vdsm's with events) */
  spmEventCheckMs?: number;
  /** the SPM reads all mail at least this often (default 2000, vdsm's monitor interval) */
  spmPollMs?: number;
  /** each HSM reads its outbox mailbox this often (default 500) */
  hsmPollMs?: number;
  /** pause between the 512-byte writes of a pre-2017 writer (default [60, 250]) */
  sectorPauseMs?: Range;
  /** time between two corruptions of a corrupter's mailbox (default [20000, 40000]) */
  corruptEveryMs?: Range;
  /** an HSM rewrites its mailbox when a request has had no reply this long (default 6000) */
  resendAfterMs?: number;
  /** an HSM abandons a request with no reply after this long (default 60000) */
  giveUpAfterMs?: number;
  /** request records and SPM reads kept, oldest dropped first (default 10000) */
  keepRecords?: number;
}

export interface SimulationConfig extends Required<Omit<SimulationOptions, 'hostIds' | 'seed'>> {
  seed: number;
  roles: HostRole[];
  /** the storage domain UUIDs in use */
  domainIds: string[];
}

// Ids spread over the range, as in a real pool where hosts come and go.
const PREFERRED_IDS = [1, 2, 3, 5, 7, 8, 11, 13, 17, 19, 23, 42, 64, 99, 128, 150, 200, 249];

/** `count` distinct ids in 1..maxHostId-1: the preferred ones that fit, then the gaps. */
export function spreadHostIds(count: number, maxHostId: number): number[] {
  if (count > maxHostId - 1) throw new RangeError(`at most ${maxHostId - 1} hosts fit below maxHostId ${maxHostId}, asked for ${count}`);
  const ids = PREFERRED_IDS.filter((id) => id < maxHostId).slice(0, count);
  for (let id = 1; ids.length < count; id++) if (!ids.includes(id)) ids.push(id);
  return ids.sort((a, b) => a - b);
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function share(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  return value;
}

function range(name: string, value: Range): Range {
  if (!(value[0] >= 0 && value[1] >= value[0])) throw new RangeError(`${name} must be [min, max] with 0 ≤ min ≤ max, got [${value}]`);
  return value;
}

export function resolveOptions(options: SimulationOptions = {}): SimulationConfig {
  const seed = (options.seed ?? randomSeed()) >>> 0;
  const maxHostId = options.maxHostId ?? DEFAULT_MAX_HOST_ID;
  if (!Number.isInteger(maxHostId) || maxHostId < 2) throw new RangeError(`maxHostId must be an integer ≥ 2, got ${maxHostId}`);
  const hostIds = options.hostIds ? [...options.hostIds].sort((a, b) => a - b) : spreadHostIds(options.hosts ?? 12, maxHostId);
  for (const id of hostIds) {
    if (!Number.isInteger(id) || id < 1 || id >= maxHostId) throw new RangeError(`host ids must be 1..${maxHostId - 1}, got ${id}`);
  }
  if (new Set(hostIds).size !== hostIds.length) throw new RangeError(`host ids must be distinct, got ${hostIds}`);
  const sectorWriters = options.sectorWriters ?? 2;
  const corrupters = options.corrupters ?? 1;
  if (sectorWriters + corrupters > hostIds.length) {
    throw new RangeError(`${sectorWriters} sector writers and ${corrupters} corrupters need that many hosts, got ${hostIds.length}`);
  }
  const requestIntervalMs = positive('requestIntervalMs', options.requestIntervalMs ?? 10_000);
  const random = createRandom(seed).fork('roles');
  const domains = options.domains ?? 2;
  if (!Number.isInteger(domains) || domains < 1) throw new RangeError(`domains must be an integer ≥ 1, got ${domains}`);
  const outsideHost = options.outsideHost ?? true;

  return {
    seed,
    maxHostId,
    hosts: hostIds.length,
    outsideHost,
    sectorWriters,
    corrupters,
    domains,
    requestIntervalMs,
    maxInFlight: positive('maxInFlight', options.maxInFlight ?? 3),
    failRate: share('failRate', options.failRate ?? 0.08),
    extendDelayMs: range('extendDelayMs', options.extendDelayMs ?? [100, 800]),
    wholeOutboxReplyRate: share('wholeOutboxReplyRate', options.wholeOutboxReplyRate ?? 0.1),
    spmEventCheckMs: positive('spmEventCheckMs', options.spmEventCheckMs ?? 500),
    spmPollMs: positive('spmPollMs', options.spmPollMs ?? 2000),
    hsmPollMs: positive('hsmPollMs', options.hsmPollMs ?? 500),
    sectorPauseMs: range('sectorPauseMs', options.sectorPauseMs ?? [60, 250]),
    corruptEveryMs: range('corruptEveryMs', options.corruptEveryMs ?? [20_000, 40_000]),
    resendAfterMs: positive('resendAfterMs', options.resendAfterMs ?? 6000),
    giveUpAfterMs: positive('giveUpAfterMs', options.giveUpAfterMs ?? 60_000),
    keepRecords: positive('keepRecords', options.keepRecords ?? 10_000),
    roles: assignRoles(hostIds, { sectorWriters, corrupters, outsideHost, maxHostId, requestIntervalMs }, random),
    domainIds: Array.from({ length: domains }, () => random.uuid()),
  };
}

interface RoleCounts {
  sectorWriters: number;
  corrupters: number;
  outsideHost: boolean;
  maxHostId: number;
  requestIntervalMs: number;
}

/** Picks which hosts tear (sector writers) and which get corrupted; never the same host, so tears stay provable. */
function assignRoles(hostIds: number[], counts: RoleCounts, random: Random): HostRole[] {
  const shuffled = [...hostIds];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const sectors = new Set(shuffled.slice(0, counts.sectorWriters));
  const corrupt = new Set(shuffled.slice(counts.sectorWriters, counts.sectorWriters + counts.corrupters));
  const ids = counts.outsideHost ? [...hostIds, counts.maxHostId] : hostIds;
  return ids.map((host) => ({
    host,
    writes: sectors.has(host) ? 'sectors' : 'whole',
    corrupts: corrupt.has(host),
    outsideWindow: host >= counts.maxHostId,
    // Some hosts run busy VMs, some idle ones.
    requestIntervalMs: counts.requestIntervalMs * random.between(0.5, 2),
  }));
}
