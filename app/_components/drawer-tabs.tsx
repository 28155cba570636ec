import type { ReactNode } from 'react';
import type { Panel } from './url-state';

export type DrawerTab = 'detail' | Panel;

interface DrawerTabsProps {
  active: DrawerTab | null;
  host: number | null;
  requests: { total: number; stuck: number } | null;
  episodes: { total: number; failing: number } | null;
  onTab: (tab: DrawerTab) => void;
}

function Tab({ tab, active, onTab, children, hint, title }: { tab: DrawerTab; active: DrawerTab | null; onTab: (t: DrawerTab) => void; children: ReactNode; hint?: string; title: string }) {
  const on = tab === active;
  return (
    <button type="button" role="tab" aria-selected={on} data-tab={tab} onClick={() => onTab(tab)} title={title}
      className={`flex h-full items-center gap-1.5 border-x border-t px-3 text-[12px] ${on ? 'border-line-strong bg-panel font-semibold' : 'border-transparent text-muted hover:text-fg'}`}>
      <span aria-hidden className="text-faint">{on ? '▾' : '▸'}</span>
      {children}
      {hint && <kbd>{hint}</kbd>}
    </button>
  );
}

/** The drawer under the timeline: the open host's bytes, the requests, the episodes. Clicking the open tab closes it. */
export function DrawerTabs({ active, host, requests, episodes, onTab }: DrawerTabsProps) {
  return (
    <div role="tablist" aria-label="drawer" className="flex h-7 shrink-0 items-end gap-0.5 border-t border-line bg-sunken px-2">
      <Tab tab="detail" active={active} onTab={onTab} title={host === null ? 'click a host in the grid for its bytes' : `host ${host}: decoded slots and bytes`} hint="Enter">
        {host === null ? <span>host bytes</span> : <span>host <span className="num">{host}</span> bytes</span>}
      </Tab>
      <Tab tab="requests" active={active} onTab={onTab} title="every extend request followed in the history" hint="r">
        requests
        {requests && <span className="num text-muted">{requests.total}</span>}
        {requests && requests.stuck > 0 && <span className="font-semibold text-(--ink-orange)">⏱ {requests.stuck} stuck</span>}
      </Tab>
      <Tab tab="episodes" active={active} onTab={onTab} title="every checksum-failure episode in the history, with its verdict" hint="c">
        checksum episodes
        {episodes && <span className="num text-muted">{episodes.total}</span>}
        {episodes && episodes.failing > 0 && <span className="font-semibold text-(--ink-vermillion)">✗ {episodes.failing} now</span>}
      </Tab>
    </div>
  );
}
