/**
 * Which checksum-failure episode a host row or detail shows for the read on
 * screen: the host's latest episode begun at or before that read, whether
 * the read is one of its failed reads, and then which distinct failed
 * content (version) the read saw. In the past, the verdict is known with
 * hindsight: a read that was only "failing" then shows as proven torn.
 */
import type { EpisodeJson, EpisodeReadJson } from '@/lib/api/history-types';

export interface EpisodeAt {
  episode: EpisodeJson;
  /** the read is one of the episode's failed reads (or after them while the episode is pending) */
  during: boolean;
  /** the failed content that read saw; null when it is not one of the versions kept */
  version: EpisodeReadJson | null;
}

/** `seq` null: the latest read. */
export function episodeAt(episode: EpisodeJson, seq: number | null): EpisodeAt | null {
  if (seq !== null && episode.startSeq > seq) return null;
  const pending = episode.resolvedSeq === null;
  const during = seq === null ? pending : seq <= episode.endSeq || (pending && seq > episode.endSeq);
  if (!during) return { episode, during, version: null };
  const versions = episode.versions;
  const version = seq === null || seq > episode.endSeq
    ? versions[versions.length - 1] ?? null
    : versions.find((v) => v.seq <= seq && seq <= v.lastSeq) ?? null;
  return { episode, during, version };
}

/** Per host, the episode to show at `seq` (null: the latest read). */
export function episodesAt(episodes: readonly EpisodeJson[], seq: number | null): Map<number, EpisodeAt> {
  const latest = new Map<number, EpisodeJson>();
  for (const e of episodes) {
    if (seq !== null && e.startSeq > seq) continue;
    const held = latest.get(e.host);
    if (!held || e.startSeq > held.startSeq) latest.set(e.host, e);
  }
  const out = new Map<number, EpisodeAt>();
  for (const [host, e] of latest) out.set(host, episodeAt(e, seq)!);
  return out;
}

/** The read to travel to for an episode: the last failed read, where the tear is the furthest along. */
export function episodeTarget(episode: EpisodeJson): number {
  return episode.versions[episode.versions.length - 1]?.seq ?? episode.endSeq;
}
