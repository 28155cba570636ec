'use client';

import { useEffect, useMemo, useState } from 'react';
import { MAILBOX_SIZE_BYTES, SECTORS_PER_MAILBOX, SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import { SectorStrip } from '@/components/episodes/sector-strip';
import { SECTOR_LOOKS, sectorTags } from '@/components/episodes/sector-tags';
import { HexView } from '@/components/hex-view/hex-view';
import { mailboxRanges } from '@/components/host-detail/mailbox-ranges';
import { sectorBands } from '@/components/host-detail/sector-bands';
import { TEAR_MODES, tearFrames, tearScenarios, type TearModeId, type TearScenarioId } from './tear-model';
import { stepKeys } from './use-step-keys';

const PLAY_MS = 900;

function sameSector(a: Uint8Array, b: Uint8Array, s: number): boolean {
  for (let i = s * SECTOR_SIZE_BYTES; i < (s + 1) * SECTOR_SIZE_BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A writer putting a mailbox on storage sector by sector while a reader polls it; arrows step, Space plays. */
export function TearPlayer() {
  const scenarios = useMemo(() => tearScenarios(), []);
  const [scenarioId, setScenarioId] = useState<TearScenarioId>('acknowledge-all');
  const [modeId, setModeId] = useState<TearModeId>('pre-2017');
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const scenario = scenarios.find((s) => s.id === scenarioId)!;
  const mode = TEAR_MODES[modeId];
  const frames = useMemo(() => tearFrames(scenario.before, scenario.after, mode.events), [scenario, mode]);
  const frame = frames[Math.min(index, frames.length - 1)];
  const lastRead = frame.reads[frame.reads.length - 1] ?? null;

  useEffect(() => {
    if (!playing) return;
    if (index >= frames.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setIndex(index + 1), PLAY_MS);
    return () => clearTimeout(timer);
  }, [playing, index, frames.length]);

  const choose = (next: () => void) => {
    next();
    setIndex(0);
    setPlaying(false);
  };
  const pane = useMemo(() => {
    if (!lastRead) return null;
    const tags = sectorTags({ sectors: lastRead.sectors, changedSectors: [] }) ?? [];
    return [{
      id: 'read', title: `what read ${lastRead.n} saw (host ${scenario.host})`, bytes: lastRead.bytes,
      ranges: mailboxRanges(lastRead.bytes, 'inbox', scenario.host, { stored: lastRead.stored, computed: lastRead.computed }),
      bands: sectorBands(tags),
    }];
  }, [lastRead, scenario.host]);
  const onKey = stepKeys(index, frames.length, (i) => { setPlaying(false); setIndex(i); }, (e) => {
    if (e.key !== ' ') return false;
    e.preventDefault();
    if (index >= frames.length - 1) setIndex(0);
    setPlaying(!playing);
    return true;
  });

  return (
    <div role="group" aria-label="tear player (arrow keys step, Space plays)" tabIndex={0} onKeyDown={onKey}
      className="space-y-2 rounded border border-line p-3 focus:outline-2 focus:outline-(--focus)"
      data-tear-player="" data-frame={frame.index} data-frames={frames.length} data-playing={playing ? '' : undefined}>
      <div className="flex flex-wrap items-center gap-2">
        {scenarios.map((s) => (
          <button key={s.id} type="button" className="btn" aria-pressed={s.id === scenarioId} data-tear-scenario={s.id} onClick={() => choose(() => setScenarioId(s.id))}>{s.label}</button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {Object.values(TEAR_MODES).map((m) => (
          <button key={m.id} type="button" className="btn" aria-pressed={m.id === modeId} data-tear-mode={m.id} onClick={() => choose(() => setModeId(m.id))}>{m.label}</button>
        ))}
      </div>
      <p className="max-w-[64rem] text-[13px] text-muted">{mode.story}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn" onClick={() => { setPlaying(false); setIndex(Math.max(0, index - 1)); }} disabled={index === 0}>◀ back</button>
        <button type="button" className="btn" onClick={() => { if (index >= frames.length - 1) setIndex(0); setPlaying(!playing); }} data-tear-play="">
          {playing ? '❚❚ pause' : '▶ play'}
        </button>
        <button type="button" className="btn" onClick={() => { setPlaying(false); setIndex(Math.min(frames.length - 1, index + 1)); }} disabled={index === frames.length - 1}>step ▶</button>
        <span className="text-[12px] text-muted">or ← → Home End, Space to play · moment {frame.index} of {frames.length - 1}</span>
      </div>
      <ol className="flex flex-wrap gap-1 font-mono text-[11px]" aria-label="events">
        {frames.slice(1).map((f) => (
          <li key={f.index}>
            <button type="button" className="btn px-1" aria-pressed={f.index === frame.index} onClick={() => { setPlaying(false); setIndex(f.index); }}>
              {f.event!.kind === 'read' ? `◆ read` : `▮ ${f.event!.sectors.length === 1 ? `s${f.event!.sectors[0]}` : `s${f.event!.sectors[0]}-${f.event!.sectors[f.event!.sectors.length - 1]}`}`} {f.t < 1 ? f.t : Math.round(f.t)} ms
            </button>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="font-semibold" data-tear-caption="">{frame.caption}</p>
      <div className="flex flex-wrap items-center gap-1 text-[12px]" aria-label="the mailbox on storage">
        <span className="w-[7rem] text-muted">on storage</span>
        {Array.from({ length: SECTORS_PER_MAILBOX }, (_, s) => {
          const unchanged = sameSector(scenario.before, scenario.after, s);
          const look = SECTOR_LOOKS[unchanged ? 'same' : frame.landed[s] ? 'new' : 'old'];
          return (
            <span key={s} className="band-tag px-1.5 py-0.5" data-band={look.tone} data-sector={s} data-sector-state={look.tone}>
              {look.glyph} sector {s}{s === SECTORS_PER_MAILBOX - 1 ? ' + checksum' : ''}: {look.word}
            </span>
          );
        })}
      </div>
      <table className="text-[12px]" aria-label="the reader's reads">
        <thead className="text-left text-muted">
          <tr className="border-b border-line-strong">
            <th className="pr-3 font-semibold">read</th><th className="pr-3 font-semibold">at</th><th className="pr-3 font-semibold">sectors</th>
            <th className="pr-3 text-right font-semibold">stored</th><th className="pr-3 text-right font-semibold">computed</th><th className="font-semibold">result</th>
          </tr>
        </thead>
        <tbody>
          {frame.reads.length === 0 && <tr><td colSpan={6} className="py-1 text-faint">no read yet</td></tr>}
          {frame.reads.map((r) => (
            <tr key={r.n} className="border-b border-line" data-read={r.n} data-read-state={r.state}>
              <td className="num pr-3">{r.n}</td>
              <td className="num pr-3">{r.t < 1 ? r.t : Math.round(r.t)} ms</td>
              <td className="pr-3"><SectorStrip tags={sectorTags({ sectors: r.sectors, changedSectors: [] }) ?? []} /> <span className="text-muted">{r.summary}</span></td>
              <td className="num pr-3">{r.stored}</td>
              <td className="num pr-3">{r.computed}</td>
              <td className={r.stored === r.computed ? '' : 'font-semibold text-(--ink-vermillion)'}>
                {r.stored === r.computed ? '✓ valid: mail read' : r.stored === 0 ? '✗ checksum missing: mail dropped' : '✗ stale checksum: mail dropped'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pane && (
        <div className="overflow-x-auto">
          <HexView panes={pane} length={MAILBOX_SIZE_BYTES} baseAddress={scenario.host * MAILBOX_SIZE_BYTES} ruleEvery={SECTOR_SIZE_BYTES} ruleName="sector" />
        </div>
      )}
    </div>
  );
}
