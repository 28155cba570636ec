'use client';

import { useMemo, useState, type MouseEvent } from 'react';
import { hex } from '@/lib/format/units';
import { LINE_BYTES, planLines } from './hex-lines';
import { HexLine, type Lit } from './hex-line';
import { mustShow, preparePane } from './prepare-pane';
import { RangeInfo } from './range-info';
import type { HexFocus, HexPane } from './types';

/** The line between two blocks (sectors): its name, its address, and the tags of the bands that begin there. */
function HexRule({ offset, name, address, panes }: { offset: number; name: string; address: number; panes: readonly HexPane[] }) {
  const tags = panes.flatMap((p) => (p.bands ?? []).filter((b) => b.offset === offset).map((b) => ({ pane: p.id, band: b })));
  return (
    <div className="my-0.5 flex items-center gap-2 font-sans text-[11px] text-faint" role="separator" data-rule={offset}>
      <span className="h-px flex-1 bg-line-strong" />
      <span>{name} · {hex(address + offset)}</span>
      {tags.map(({ pane, band }) => (
        <span key={pane} className="band-tag" data-band={band.tone} data-band-pane={pane}>{band.label}</span>
      ))}
      <span className="h-px flex-1 bg-line-strong" />
    </div>
  );
}

export interface HexViewProps {
  panes: readonly HexPane[];
  /** bytes per pane */
  length: number;
  /** address of byte 0, printed in the offset column (e.g. the block's offset in its file) */
  baseAddress?: number;
  /** a labelled rule every this many bytes: "<ruleName> 1", "<ruleName> 2", … */
  ruleEvery?: number;
  ruleName?: string;
  /** pointed out in every pane */
  focus?: HexFocus | null;
  foldZeros?: boolean;
}

interface Picked {
  pane: number;
  range: number;
}

function pickAt(event: MouseEvent, prepared: ReturnType<typeof preparePane>[]): Picked | null {
  const el = (event.target as HTMLElement).closest<HTMLElement>('[data-o]');
  if (!el) return null;
  const pane = Number(el.dataset.p);
  const range = prepared[pane]?.index[Number(el.dataset.o)] ?? -1;
  return range >= 0 ? { pane, range } : null;
}

const same = (a: Picked | null, b: Picked | null) => a?.pane === b?.pane && a?.range === b?.range;

/** Side-by-side annotated hex dumps; hover names a byte's range, click pins it. */
export function HexView({ panes, length, baseAddress = 0, ruleEvery, ruleName, focus = null, foldZeros = true }: HexViewProps) {
  const prepared = useMemo(() => panes.map((p) => preparePane(p, length)), [panes, length]);
  const [hover, setHover] = useState<Picked | null>(null);
  const [pinned, setPinned] = useState<Picked | null>(null);
  const active = pinned ?? hover;

  const focusLit = useMemo<Lit | null>(() => (focus ? { pane: -1, start: focus.offset, end: focus.offset + focus.length } : null), [focus]);
  const items = useMemo(() => planLines({
    length, panes: panes.map((p) => p.bytes), ruleEvery, foldZeros,
    keep: (line) => mustShow(prepared, line) || (focusLit !== null && focusLit.start < line + LINE_BYTES && focusLit.end > line),
  }), [length, panes, prepared, ruleEvery, foldZeros, focusLit]);

  const activeRange = active ? prepared[active.pane]?.pane.ranges[active.range] : undefined;
  const hot = useMemo<Lit | null>(
    () => (active && activeRange ? { pane: active.pane, start: activeRange.offset, end: activeRange.offset + activeRange.length } : null),
    [active, activeRange],
  );
  const ruleLabel = (offset: number) => (ruleName && ruleEvery ? `${ruleName} ${offset / ruleEvery}` : `+${offset}`);
  const bandsAtZero = panes.some((p) => p.bands?.some((b) => b.offset === 0));
  const touches = (span: Lit | null, line: number) => (span && span.start < line + LINE_BYTES && span.end > line ? span : null);

  return (
    <div className="hex font-mono text-[12px] leading-[18px]" data-hex-view="">
      <RangeInfo
        range={activeRange}
        paneTitle={active ? panes[active.pane]?.title : undefined}
        baseAddress={baseAddress}
        pinned={pinned !== null}
        onUnpin={() => setPinned(null)}
      />
      <div
        className="mt-1 w-max cursor-default select-text"
        onMouseOver={(e) => {
          const picked = pickAt(e, prepared);
          if (!same(picked, hover)) setHover(picked);
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const picked = pickAt(e, prepared);
          setPinned(same(picked, pinned) ? null : picked);
        }}
      >
        <div className="flex whitespace-pre border-b border-line pb-0.5 font-semibold text-muted">
          <span className="w-[8ch]">offset</span>
          {panes.map((p, pi) => (
            <span key={p.id} className={`w-[70ch] ${pi > 0 ? 'ml-[3ch] pl-[1ch]' : 'pl-[2ch]'}`}>{p.title}</span>
          ))}
        </div>
        {bandsAtZero && <HexRule offset={0} name={ruleLabel(0)} address={baseAddress} panes={panes} />}
        {items.map((item) => {
          if (item.kind === 'line') {
            return (
              <HexLine key={item.offset} offset={item.offset} address={baseAddress} prepared={prepared}
                hot={touches(hot, item.offset)} focus={touches(focusLit, item.offset)} />
            );
          }
          if (item.kind === 'rule') {
            return <HexRule key={`rule-${item.offset}`} offset={item.offset} name={ruleLabel(item.offset)} address={baseAddress} panes={panes} />;
          }
          const lines = (item.end - item.offset) / LINE_BYTES;
          return (
            <div key={`gap-${item.offset}`} className="flex whitespace-pre text-faint">
              <span className="w-[8ch]">{hex(baseAddress + item.offset)}</span>
              <span className="pl-[2ch] font-sans text-[11px]">
                ⋯ {lines} lines of 00, to {hex(baseAddress + item.end - 1)}
              </span>
            </div>
          );
        })}
        <div className="whitespace-pre text-faint">{hex(baseAddress + length)}</div>
      </div>
    </div>
  );
}
