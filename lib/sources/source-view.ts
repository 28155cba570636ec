/**
 * What the API needs of a source, whatever holds it: the server's live
 * source, or dumps and traces opened in a browser. Domain objects only: the
 * answers' JSON shapes are built from these in lib/api.
 */
import type { HistorySettings } from '@/lib/history/settings';
import type { SourceHistory } from '@/lib/history/source-history';
import type { DecodedVolume } from '@/lib/mailbox';
import type { HostChanges } from './host-changes';
import type { HostNames } from './host-names';
import type { PollRead } from './read';

export interface SourceDescription {
  id: string;
  name: string;
  /** the paths read (or, for opened files, their names) */
  inbox: string | null;
  outbox: string | null;
  /** the simulated demo pool */
  demo: boolean;
  /** names of host ids, shown beside them (MAILBOX_HOST_NAMES); none when not given */
  hostNames?: HostNames;
}

/** The read whose bytes a volume's decoding comes from. */
export interface ReadRef {
  seq: number;
  /** epoch ms */
  readAt: number;
}

/**
 * A read with its volumes decoded: `inbox`/`outbox` are null when not
 * configured or never read. When a volume's read failed after earlier
 * successes, its decoding is the last good read's, and `lastGood` says which.
 */
export interface DecodedRead {
  read: PollRead;
  inbox: DecodedVolume | null;
  outbox: DecodedVolume | null;
  lastGood?: { inbox: ReadRef | null; outbox: ReadRef | null };
}

export interface SourceView {
  readonly id: string;
  readonly config: SourceDescription;
  readonly options: { maxHostId: number; pollMs: number };
  readonly historySettings: HistorySettings;
  readonly history: SourceHistory;
  /** the latest read, waiting for the first one if none has finished yet */
  latestRead(): Promise<PollRead>;
  /** the latest read decoded; the same objects while its bytes do not change. Null before the first read. */
  latestDecoded(): DecodedRead | null;
  /** the latest read if one has finished, without waiting */
  peekRead(): PollRead | null;
  /**
   * The hosts whose entry changed after read `seq` and those gone since; null when `seq` cannot be
   * answered for (it left the history, or this source does not follow changes): send everything.
   */
  changesSince?(seq: number): HostChanges | null;
  /** Resolves at the next read after `seq` (at once if there is one), or after `timeoutMs`. */
  readAfter?(seq: number, timeoutMs: number): Promise<void>;
}
