import { memo } from 'react';
import { hex } from '@/lib/format/units';
import { asciiOf, byteHex, LINE_BYTES } from './hex-lines';
import type { PreparedPane } from './prepare-pane';

/** A byte span to light up in one pane (`pane` = -1: every pane). */
export interface Lit {
  pane: number;
  start: number;
  end: number;
}

interface HexLineProps {
  offset: number;
  address: number;
  prepared: readonly PreparedPane[];
  /** the hovered or pinned range, only when it touches this line */
  hot: Lit | null;
  /** the caller's focus, only when it touches this line */
  focus: Lit | null;
}

function lit(span: Lit | null, pane: number, at: number): boolean {
  return span !== null && (span.pane < 0 || span.pane === pane) && at >= span.start && at < span.end;
}

function PaneBytes({ p, pi, offset, hot, focus }: { p: PreparedPane; pi: number; offset: number; hot: Lit | null; focus: Lit | null }) {
  const bytes = p.pane.bytes;
  const hexCells = [];
  const textCells = [];
  for (let i = offset; i < offset + LINE_BYTES; i++) {
    const present = bytes !== null && i < bytes.length;
    const b = present ? bytes[i] : 0;
    const r = p.index[i] >= 0 ? p.pane.ranges[p.index[i]] : undefined;
    const attrs = {
      'data-o': i,
      'data-p': pi,
      'data-tone': r?.tone,
      'data-severity': r?.severity,
      'data-changed': p.changed?.[i] ? '' : undefined,
      'data-hot': lit(hot, pi, i) ? '' : undefined,
      'data-focus': lit(focus, pi, i) ? '' : undefined,
    };
    const gap = i - offset === 7 ? ' mr-[1ch]' : '';
    hexCells.push(
      <span key={i} {...attrs} className={`inline-block w-[3ch] text-center${gap}${b === 0 ? ' zero' : ''}`}>{present ? byteHex(b) : '  '}</span>,
    );
    textCells.push(<span key={i} {...attrs} className={b === 0 ? 'zero' : undefined}>{present ? asciiOf(b) : ' '}</span>);
  }
  const band = p.pane.bands ? p.bandOfLine.get(offset) : undefined;
  return (
    <>
      {p.pane.bands && <span className="hex-band ml-[1ch]" data-band={band?.tone} title={band?.label} aria-hidden />}
      <span className={`${p.pane.bands ? 'ml-[1ch]' : 'ml-[2ch]'} whitespace-pre`}>{hexCells}</span>
      <span className="ml-[1ch] whitespace-pre text-muted">|{textCells}|</span>
    </>
  );
}

/** One `hexdump -C` line across all panes, plus any notes that end on it. */
export const HexLine = memo(function HexLine({ offset, address, prepared, hot, focus }: HexLineProps) {
  const notes = prepared.map((p) => p.notes.get(offset));
  return (
    <>
      <div className="flex whitespace-pre">
        <span className="w-[8ch] text-faint">{hex(address + offset)}</span>
        {prepared.map((p, pi) => (
          <span key={p.pane.id} className={pi > 0 ? 'ml-[3ch] flex border-l border-line pl-[1ch]' : 'flex'}>
            <PaneBytes p={p} pi={pi} offset={offset} hot={hot} focus={focus} />
          </span>
        ))}
      </div>
      {notes.some(Boolean) && (
        <div className="flex whitespace-pre">
          <span className="w-[8ch]" />
          {notes.map((list, pi) => (
            <span key={pi} className={`${pi > 0 ? 'ml-[3ch] border-l border-line pl-[1ch] ' : ''}w-[70ch] pl-[2ch]`}>
              {list?.map((r) => (
                <span key={r.offset} className={`block ${r.severity === 'error' ? 'font-semibold text-(--ink-vermillion)' : r.severity === 'warning' ? 'text-(--ink-orange)' : 'text-muted'}`}>
                  ↑ {r.note}
                </span>
              ))}
            </span>
          ))}
        </div>
      )}
    </>
  );
});
