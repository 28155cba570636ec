/**
 * Checksum-failure episodes of inbox mailboxes, over reads: an episode is a
 * run of reads in which one host's mailbox fails its checksum. It is proven
 * (torn, corrupt, unproven) when a valid read of that mailbox comes back.
 * Pure: fed with the mailboxes that changed at each read.
 */
import type { DecodedMailbox } from '@/lib/mailbox';
import { proveChain, type ChainProof } from './chain-proof';
import { droppedMessages, mergeDropped, type DroppedMessage } from './dropped';
import { changedSectors } from './sectors';
import { combineVerdicts, proveTorn, tornAcrossWrites, type Proof, type Verdict } from './torn-proof';

/** A valid (or empty) version of a mailbox: what a failed read is compared with. */
export interface Anchor {
  seq: number;
  readAt: number;
  bytes: Uint8Array;
  checksum: number;
}

/** What an episode keeps of an anchor: its bytes are only needed until the verdict. */
export type AnchorInfo = Omit<Anchor, 'bytes'>;

/** One distinct content of the mailbox during an episode, and the reads that saw it. */
export interface FailedVersion {
  seq: number;
  lastSeq: number;
  readAt: number;
  lastReadAt: number;
  reads: number;
  /** kept until the verdict (the history keeps the read itself, for hex dumps) */
  bytes: Uint8Array | null;
  state: 'checksum_missing' | 'checksum_mismatch';
  stored: number;
  computed: number;
  /** the SPM checks this mailbox (some slot's first byte is not 0), so it logged a failure and dropped the mail */
  spmChecks: boolean;
  /** the stored checksum is that of the last valid content */
  staleChecksum: boolean;
  /** sectors that differ from the last valid read (known before the verdict) */
  changedSectors: number[];
  proof: Proof;
}

export interface Episode {
  /** stable within a server run: host and first failed read */
  id: string;
  host: number;
  startSeq: number;
  endSeq: number;
  startedAt: number;
  endedAt: number;
  reads: number;
  before: AnchorInfo | null;
  after: AnchorInfo | null;
  versions: FailedVersion[];
  /** distinct contents not kept (an episode keeps its first versions and its latest) */
  versionsOmitted: number;
  dropped: DroppedMessage[];
  verdict: Verdict;
  /** set when the reads are a tear across several writes, each rebuilt with a valid checksum */
  chain: ChainProof | null;
}

export interface InboxChange {
  host: number;
  bytes: Uint8Array;
  decoded: DecodedMailbox;
}

export interface EpisodeEvents {
  started: Episode[];
  resolved: Episode[];
  /** hosts whose mailbox fails its checksum in this read */
  failing: number[];
  /** of those, the ones the SPM checks: it logs "checksum failed" and drops their mail */
  spmFailing: number[];
}

export interface EpisodeLimits {
  windowMs: number;
  maxEpisodes: number;
  maxVersions: number;
}

export const DEFAULT_EPISODE_LIMITS: EpisodeLimits = { windowMs: 3_600_000, maxEpisodes: 10_000, maxVersions: 8 };

const info = ({ seq, readAt, checksum }: Anchor): AnchorInfo => ({ seq, readAt, checksum });

const isValid = (state: string) => state === 'valid' || state === 'empty';

export class EpisodeTracker {
  private lastValid = new Map<number, Anchor>();
  private open = new Map<number, Episode>();
  /** the valid bytes before each open episode, by host */
  private beforeBytes = new Map<number, Uint8Array | null>();
  private closed: Episode[] = [];

  constructor(private readonly limits: EpisodeLimits = DEFAULT_EPISODE_LIMITS) {}

  /** `changes` null: the inbox could not be read, so this read tells nothing. */
  ingest(seq: number, readAt: number, changes: readonly InboxChange[] | null): EpisodeEvents {
    const events: EpisodeEvents = { started: [], resolved: [], failing: [], spmFailing: [] };
    if (changes === null) return events;
    for (const change of changes) {
      const { host, bytes, decoded } = change;
      if (host < 1 || !decoded.checksum) continue;
      let episode = this.open.get(host);
      if (isValid(decoded.state)) {
        const anchor: Anchor = { seq, readAt, bytes, checksum: decoded.checksum.computed };
        if (episode) events.resolved.push(this.resolve(episode, anchor));
        this.lastValid.set(host, anchor);
        continue;
      }
      if (!episode) {
        const before = this.lastValid.get(host) ?? null;
        episode = {
          id: `${host}-${seq}`, host, startSeq: seq, endSeq: seq, startedAt: readAt, endedAt: readAt, reads: 0,
          before: before && info(before), after: null, versions: [], versionsOmitted: 0, dropped: [], verdict: 'pending', chain: null,
        };
        this.open.set(host, episode);
        this.beforeBytes.set(host, before?.bytes ?? null);
        events.started.push(episode);
      }
      this.addVersion(episode, change, seq, readAt);
    }
    // A failing mailbox that did not change is still failing: the read counts.
    for (const episode of this.open.values()) {
      if (episode.endSeq !== seq) {
        const last = episode.versions[episode.versions.length - 1];
        last.lastSeq = episode.endSeq = seq;
        last.lastReadAt = episode.endedAt = readAt;
        last.reads++;
        episode.reads++;
      }
      events.failing.push(episode.host);
      if (episode.versions[episode.versions.length - 1].spmChecks) events.spmFailing.push(episode.host);
    }
    events.failing.sort((a, b) => a - b);
    events.spmFailing.sort((a, b) => a - b);
    this.evict(readAt);
    return events;
  }

  /** Every episode still kept, oldest first; open ones last. */
  list(): Episode[] {
    return [...this.closed, ...[...this.open.values()].sort((a, b) => a.startSeq - b.startSeq)];
  }

  openEpisodes(): Episode[] {
    return [...this.open.values()];
  }

  private addVersion(episode: Episode, change: InboxChange, seq: number, readAt: number): void {
    const { bytes, decoded } = change;
    const before = this.beforeBytes.get(episode.host) ?? null;
    const version: FailedVersion = {
      seq, lastSeq: seq, readAt, lastReadAt: readAt, reads: 1, bytes,
      state: decoded.state as FailedVersion['state'],
      stored: decoded.checksum!.stored, computed: decoded.checksum!.computed,
      spmChecks: decoded.spmReads,
      staleChecksum: episode.before !== null && decoded.checksum!.stored === episode.before.checksum,
      changedSectors: before ? changedSectors(bytes, before) : [],
      proof: proveTorn(bytes, before, null),
    };
    mergeDropped(episode.dropped, droppedMessages(bytes, decoded, before, seq));
    if (episode.versions.length >= this.limits.maxVersions) {
      episode.versions[episode.versions.length - 1] = version; // keep the first ones and the latest
      episode.versionsOmitted++;
    } else {
      episode.versions.push(version);
    }
    episode.endSeq = seq;
    episode.endedAt = readAt;
    episode.reads++;
  }

  private resolve(episode: Episode, after: Anchor): Episode {
    episode.after = info(after);
    const before = this.beforeBytes.get(episode.host) ?? null;
    this.beforeBytes.delete(episode.host);
    const { versions } = episode;
    for (const v of versions) v.proof = proveTorn(v.bytes!, before, after.bytes);
    // Some sector is neither old nor new: maybe writes followed each other faster than the reads (needs every content seen).
    if (before && episode.versionsOmitted === 0 && versions.some((v) => v.proof.verdict === 'corrupt')) {
      episode.chain = proveChain(before, versions.map((v) => v.bytes!), after.bytes);
      const writes = episode.chain ? episode.chain.intermediates + 1 : 0;
      if (episode.chain) for (const v of versions) v.proof = tornAcrossWrites(v.proof, writes);
    }
    for (const v of versions) v.bytes = null;
    episode.verdict = combineVerdicts(versions.map((v) => v.proof.verdict));
    this.open.delete(episode.host);
    this.closed.push(episode);
    return episode;
  }

  private evict(now: number): void {
    const { windowMs, maxEpisodes } = this.limits;
    let drop = 0;
    while (drop < this.closed.length && (this.closed[drop].endedAt < now - windowMs || this.closed.length - drop > maxEpisodes)) drop++;
    if (drop > 0) this.closed.splice(0, drop);
  }
}

/** The sectors that held new data in any read of the episode, in order. */
export function episodeNewSectors(episode: Episode): number[] {
  const all = new Set<number>();
  for (const v of episode.versions) for (const s of v.proof.newSectors) all.add(s);
  return [...all].sort((a, b) => a - b);
}
