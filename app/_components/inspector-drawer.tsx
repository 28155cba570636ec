'use client';

import type { EpisodeAt } from '@/components/episodes/episode-at';
import { EpisodesTable } from '@/components/episodes/episodes-table';
import { HostDetail } from '@/components/host-detail/host-detail';
import type { RequestsAt } from '@/components/requests/requests-at';
import { RequestsTable } from '@/components/requests/requests-table';
import { HELD_REQUESTS, STORM_LIMIT, STORM_REFRESH_MS } from '@/components/requests/requests-buffer';
import type { EpisodeJson } from '@/lib/api/history-types';
import type { MailboxResponse, SourceInfo } from '@/lib/api/types';
import { DrawerTabs, type DrawerTab } from './drawer-tabs';
import type { ReadOnScreen } from './use-read-on-screen';
import type { SelectionControls } from './use-selection';

interface InspectorDrawerProps {
  source: SourceInfo | null;
  tab: DrawerTab | null;
  host: number | null;
  slot: number | null;
  screen: ReadOnScreen;
  selection: SelectionControls;
  mailbox: { data: MailboxResponse | undefined; error: Error | undefined };
  requests: {
    at: RequestsAt | null; stuckS: number; static: boolean; error: Error | undefined; seqAt: (iso: string) => number | null;
    /** requests the last refresh left out */
    leftOut: number;
    /** more changed than the list holds: the list is paced */
    storm: boolean;
  };
  episodes: { list: readonly EpisodeJson[]; loaded: boolean; error: Error | undefined };
}

/** The drawer under the timeline: the open host's bytes, the requests or the episodes, all of the read on screen. */
export function InspectorDrawer({ source, tab, host, slot, screen, selection, mailbox, requests, episodes }: InspectorDrawerProps) {
  // episodes with no valid read since their failure: mailboxes still failing, as the episodes know them
  const unresolvedEpisodes = episodes.list.filter((e) => e.resolvedSeq === null).length;
  const listError = tab === 'requests' ? requests.error : tab === 'episodes' ? episodes.error : undefined;
  const readSeq = screen.seq ?? undefined;
  return (
    <>
      <DrawerTabs
        active={tab}
        host={host ?? selection.selection?.host ?? null}
        requests={requests.at ? { total: requests.at.list.length, stuck: requests.at.counts.stuck } : null}
        episodes={episodes.loaded ? { total: episodes.list.length, failing: unresolvedEpisodes } : null}
        onTab={selection.openTab}
      />
      {tab !== null && (
        <div className="min-h-[45vh] flex-1 overflow-auto border-t border-line-strong bg-panel" role="tabpanel" aria-label={tab}>
          {tab === 'detail' && source && host !== null && (
            <HostDetail
              source={source}
              host={host}
              slot={slot}
              data={mailbox.data}
              error={mailbox.error}
              episodes={episodes.list}
              past={screen.mode === 'past'}
              paused={screen.mode === 'paused'}
              onSelectSlot={selection.selectSlot}
              onEpisode={(at: EpisodeAt) => selection.openEpisode(at)}
              onClose={selection.closeDrawer}
            />
          )}
          {listError && (
            <p role="alert" className="border-b border-line px-3 py-1 text-[12px] font-semibold text-(--ink-vermillion)">
              ✗ {listError.message}; showing what was last received, retrying.
            </p>
          )}
          {tab === 'requests' && requests.at && requests.storm && (
            <p data-requests-storm={requests.leftOut} className="border-b border-line px-3 py-1 text-[12px] text-(--ink-orange)">
              ⚠ A storm of requests: more changed or are stuck than the list holds ({HELD_REQUESTS.toLocaleString('en-US')}), and the last
              refresh left {requests.leftOut.toLocaleString('en-US')} out. While this lasts the list is refreshed every {STORM_REFRESH_MS / 1000} s
              with the stuck ones and the newest {STORM_LIMIT.toLocaleString('en-US')} changes, and whole every minute.
            </p>
          )}
          {tab === 'requests' && requests.at && (
            <div data-read-seq={readSeq}>
              <RequestsTable requests={requests.at.list} isStuck={requests.at.isStuck} asOf={screen.mode === 'live' ? null : screen.readAt}
                stuckS={requests.stuckS} static={requests.static} selection={selection.selection} onSelect={selection.selectRequest}
                seqAt={requests.seqAt} onOpenRead={selection.openAt} />
            </div>
          )}
          {tab === 'requests' && !requests.at && !requests.error && <p className="px-3 py-3 text-muted">Loading the requests…</p>}
          {tab === 'episodes' && (
            <div data-read-seq={readSeq}>
              <EpisodesTable episodes={episodes.list} seq={screen.mode === 'live' ? null : screen.seq}
                onOpen={(e) => selection.openEpisode({ episode: e, during: true, version: null })} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
