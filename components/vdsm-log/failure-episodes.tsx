'use client';

import { useState } from 'react';
import type { ChecksumFailureEpisode } from '@/lib/vdsm-log';
import { EpisodeHex } from './episode-hex';
import { FAILURE_WORDS } from './failure-words';
import { SlotList } from './slot-list';

function Episode({ e, open, onToggle }: { e: ChecksumFailureEpisode; open: boolean; onToggle: () => void }) {
  const [variant, setVariant] = useState(0);
  const words = FAILURE_WORDS[e.kind];
  const v = e.variants[Math.min(variant, e.variants.length - 1)];
  return (
    <li className="rounded border border-line bg-panel p-2" data-episode data-mailbox={e.mailbox} data-count={e.count} data-computed={e.computed ?? ''} data-kind={e.kind}>
      <button type="button" className="flex w-full flex-wrap items-baseline gap-3 text-left" onClick={onToggle} aria-expanded={open}>
        <span className="font-semibold" style={{ color: words.ink }}>{words.glyph} {words.word}</span>
        <span>mailbox <b className="num">{e.mailbox}</b></span>
        <span><span className="num">{e.count}</span> failed read{e.count === 1 ? '' : 's'}</span>
        <span className="text-muted">{e.firstTime} → {e.lastTime}</span>
        <span>computed <span className="num">{e.computed ?? '?'}</span>{e.expectedMatches === true ? ' = expected ✓' : e.expectedMatches === false ? ' ≠ expected ✗' : ''}</span>
        <span className="text-muted">stored: not logged</span>
        {e.distinctData > 1 && <span className="text-muted">{e.distinctData} different contents</span>}
      </button>
      {open && (
        <div className="mt-2 space-y-2">
          <p><b>Why:</b> {e.why}.</p>
          <p><b>What to do:</b> {e.whatToDo}</p>
          <p className="text-muted">{e.storedNote}.</p>
          <p className="font-mono text-[11px] break-all text-muted" title="the first line, shortened">{e.firstFile}:{e.firstLine} · {e.quote}</p>
          {e.variants.length > 1 && (
            <div className="flex flex-wrap gap-2" role="tablist">
              {e.variants.map((x, i) => (
                <button key={i} type="button" role="tab" aria-selected={i === variant} className="btn" onClick={() => setVariant(i)} data-variant={i}>
                  content {i + 1}: ×{x.count}, computed {x.computed ?? '?'} (from {x.first.file}:{x.first.line})
                </button>
              ))}
            </div>
          )}
          <SlotList slots={v.slots} />
          <EpisodeHex mailbox={e.mailbox} variant={v} />
        </div>
      )}
    </li>
  );
}

/** Checksum-failure episodes, one line each; open one to see why, what to do, its slots and its bytes. */
export function FailureEpisodes({ episodes }: { episodes: ChecksumFailureEpisode[] }) {
  const [open, setOpen] = useState<number | null>(episodes.length === 1 ? 0 : null);
  if (episodes.length === 0) return <p className="text-muted">No <code>checksum failed</code> lines.</p>;
  return (
    <ul className="space-y-1" data-episodes>
      {episodes.map((e, i) => <Episode key={`${e.mailbox}-${e.firstFile}-${e.firstLine}`} e={e} open={open === i} onToggle={() => setOpen(open === i ? null : i)} />)}
    </ul>
  );
}
