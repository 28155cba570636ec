'use client';

import { useMemo, useState } from 'react';
import type { EpisodeJson } from '@/lib/api/history-types';
import type { MailboxResponse, SourceInfo } from '@/lib/api/types';
import { hexdumpC, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, SLOT_SIZE_BYTES } from '@/lib/mailbox';
import { formatClockMs, hex } from '@/lib/format/units';
import { episodesAt, type EpisodeAt } from '@/components/episodes/episode-at';
import { EpisodeChip } from '@/components/episodes/episode-chip';
import { SectorLegend } from '@/components/episodes/sector-legend';
import { sectorTags } from '@/components/episodes/sector-tags';
import { HexView } from '@/components/hex-view/hex-view';
import type { HexPane } from '@/components/hex-view/types';
import { CopyButton } from '@/components/ui/copy-button';
import { HostName } from '@/components/ui/host-names';
import { BadgeList } from '@/components/vocabulary/badge-list';
import { mailboxBadges } from '@/components/vocabulary/mailbox-status';
import { sectorBands } from './sector-bands';
import { ChecksumTable } from './checksum-table';
import { decodeDetail, hostSnapshotOf } from './decode-detail';
import { FieldLegend } from './field-legend';
import { mailboxRanges } from './mailbox-ranges';
import { SlotTable } from './slot-table';

interface HostDetailProps {
  source: SourceInfo;
  host: number;
  slot: number | null;
  data: MailboxResponse | undefined;
  error: Error | undefined;
  /** the source's checksum-failure episodes: the detail finds this host's at its read */
  episodes: readonly EpisodeJson[];
  /** the detail shows a past read (time travel) */
  past: boolean;
  /** the detail shows the read frozen by a pause */
  paused?: boolean;
  onSelectSlot: (slot: number) => void;
  onEpisode: (at: EpisodeAt) => void;
  onClose: () => void;
}

/** One host's inbox and outbox mailboxes: decoded slots, checksum, annotated hex side by side. */
export function HostDetail({ source, host, slot, data, error, episodes, past, paused = false, onSelectSlot, onEpisode, onClose }: HostDetailProps) {
  const [foldZeros, setFoldZeros] = useState(true);
  // While another host's data is still shown (the selection moved), it stays, dimmed, so nothing jumps.
  const detail = useMemo(() => (data ? decodeDetail(data, source.maxHostId) : null), [data, source.maxHostId]);
  const loading = detail === null || detail.host !== host;
  const shown = detail?.host ?? host;
  const address = shown * MAILBOX_SIZE_BYTES;

  // The episode of this host at the detail's read: for a failed read, each sector is tagged old / new / neither.
  const episode = useMemo(() => (detail ? episodesAt(episodes.filter((e) => e.host === detail.host), detail.seq).get(detail.host) ?? null : null), [detail, episodes]);
  const failing = detail?.decodedInbox?.state === 'checksum_missing' || detail?.decodedInbox?.state === 'checksum_mismatch';
  const tags = useMemo(
    () => (failing && episode?.during && episode.version ? sectorTags(episode.version, !episode.episode.beforeMissing) : null),
    [failing, episode],
  );

  const panes = useMemo<HexPane[]>(() => {
    if (!detail) return [];
    return [
      {
        id: 'inbox', title: `inbox · written by host ${detail.host}`, bytes: detail.inbox, previous: detail.previous?.inbox,
        ranges: detail.inbox ? mailboxRanges(detail.inbox, 'inbox', detail.host, detail.decodedInbox?.checksum ?? null) : [],
        bands: tags ? sectorBands(tags) : undefined,
      },
      {
        id: 'outbox', title: 'outbox · written by the SPM', bytes: detail.outbox, previous: detail.previous?.outbox,
        ranges: detail.outbox ? mailboxRanges(detail.outbox, 'outbox', detail.host, null) : [],
      },
    ];
  }, [detail, tags]);
  const focus = useMemo(() => (slot === null ? null : { offset: slot * SLOT_SIZE_BYTES, length: SLOT_SIZE_BYTES }), [slot]);

  if (host < 1 || host > source.maxHostId) {
    return (
      <section aria-label={`host ${host} detail`} data-detail-host={host} data-out-of-range="" className="bg-panel px-4 py-3">
        <p role="alert" className="flex items-baseline gap-3">
          <span><span className="badge" data-tone="outside">⚠</span> There is no host {host} in {source.name}: host ids run from 1 to {source.maxHostId} (maxHostId {source.maxHostId}).</span>
          <button type="button" className="btn ml-auto" onClick={onClose}>✕ close <kbd>Esc</kbd></button>
        </p>
      </section>
    );
  }

  return (
    <section aria-label={`host ${host} detail`} data-detail-host={host} data-read-seq={detail && !loading ? detail.seq : undefined} aria-busy={loading} className="bg-panel">
      <header className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line bg-panel px-4 py-1.5">
        <h2 className="flex min-w-0 max-w-[24rem] items-baseline gap-2 text-[15px] font-semibold">host <span className="num">{host}</span><HostName id={host} className="text-[12px]" /></h2>
        {detail && !loading && <BadgeList badges={mailboxBadges(hostSnapshotOf(detail, source.maxHostId), source.maxHostId, episode)} />}
        {detail && !loading && episode && !episode.during && <span className="max-w-[32rem] min-w-0 text-[12px]"><EpisodeChip at={episode} onOpen={onEpisode} /></span>}
        {loading && <span className="text-[12px] text-muted">loading…</span>}
        <span className="font-mono text-[12px] text-muted">offset {hex(address)} ({address} B) in both volumes</span>
        {detail && !loading && (
          <span className="text-[12px] text-muted" data-testid="detail-read">
            {past && <span className="badge mr-1" data-tone="past">⏪ NOT LIVE</span>}
            {paused && <span className="badge mr-1" data-tone="outside">⏸ PAUSED</span>}
            read <span className="num">#{detail.seq}</span> at <span className="num">{formatClockMs(new Date(detail.readAt))}</span>
          </span>
        )}
        <span className="ml-auto flex gap-1.5">
          {!loading && detail?.inbox && <CopyButton label="copy inbox hexdump" text={() => hexdumpC(detail.inbox!, address)} title="hexdump -C of this inbox mailbox" />}
          {!loading && detail?.outbox && <CopyButton label="copy outbox hexdump" text={() => hexdumpC(detail.outbox!, address)} title="hexdump -C of this outbox mailbox" />}
          <CopyButton label="copy link" text={() => window.location.href} title="a link that opens this view" />
          <button type="button" className="btn" onClick={onClose} title="close (Esc)">✕ close <kbd>Esc</kbd></button>
        </span>
      </header>

      {error && <p role="alert" className="mx-4 mt-2 text-(--ink-vermillion)">Could not load host {host}’s mailboxes: {error.message}</p>}
      {!detail && !error && <p className="px-4 py-3 text-muted">Loading host {host}…</p>}
      {detail && (
        <div className={`space-y-3 px-4 py-2 ${loading ? 'pointer-events-none opacity-40' : ''}`}>
          {/* a failed read: the proof first, sector by sector; the hex below tags each sector the same way */}
          {tags && episode && <SectorLegend at={episode} tags={tags} />}
          <div className="flex flex-wrap items-start gap-x-10 gap-y-2">
            <div>
              <h3 className="mb-0.5 text-[12px] font-semibold text-muted">inbox checksum</h3>
              <ChecksumTable checksum={detail.decodedInbox?.checksum ?? null} />
            </div>
            <div className="min-w-[30rem] flex-1">
              <h3 className="mb-0.5 text-[12px] font-semibold text-muted">slots ({detail.slots.length} not empty)</h3>
              <SlotTable host={detail.host} slots={detail.slots} selectedSlot={slot} onSelect={onSelectSlot} />
            </div>
          </div>
          <div>
            <div className="mb-1 flex flex-wrap items-center gap-x-4 gap-y-1">
              <h3 className="text-[12px] font-semibold text-muted">bytes</h3>
              <FieldLegend />
              {detail.previous && (
                <span className="hex text-[12px] text-muted">
                  <span data-changed="" className="px-1 font-mono">00</span> changed since read #{detail.previous.seq} ({formatClockMs(new Date(detail.previous.readAt))})
                </span>
              )}
              <label className="ml-auto flex items-center gap-1 text-[12px] text-muted">
                <input type="checkbox" checked={!foldZeros} onChange={(e) => setFoldZeros(!e.target.checked)} /> show zero lines
              </label>
            </div>
            <div className="overflow-x-auto">
              <HexView key={detail.host} panes={panes} length={MAILBOX_SIZE_BYTES} baseAddress={address} ruleEvery={SECTOR_SIZE_BYTES}
                ruleName="sector" focus={focus} foldZeros={foldZeros} />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
