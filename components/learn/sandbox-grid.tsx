'use client';

import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, toHex } from '@/lib/mailbox';
import { asciiOf, byteHex, LINE_BYTES, rangeIndex } from '@/components/hex-view/hex-lines';
import type { HexRange } from '@/components/hex-view/types';
import { hex } from '@/lib/format/units';
import { hexDigit } from './sandbox-model';

interface RowProps {
  offset: number;
  bytes: Uint8Array;
  /** the row's 16 bytes in hex: it re-renders only when they change */
  content: string;
  tones: string;
  /** the cursor's column in this row, or -1 */
  col: number;
  held: number | null;
  onPick: (offset: number) => void;
}

const Row = memo(function Row({ offset, bytes, tones, col, held, onPick }: RowProps) {
  const cells = [];
  const text = [];
  for (let i = 0; i < LINE_BYTES; i++) {
    const at = offset + i;
    const b = bytes[at];
    const [tone, severity] = tones.slice(i * 2, i * 2 + 2);
    const attrs = { 'data-tone': tone === '-' ? undefined : tone, 'data-severity': severity === 'e' ? 'error' : severity === 'w' ? 'warning' : undefined };
    const here = i === col;
    cells.push(
      <span key={at} role="gridcell" data-byte={at} tabIndex={here ? 0 : -1} aria-selected={here} aria-label={`byte ${at}: ${byteHex(b)}`} {...attrs}
        onMouseDown={(e) => { e.preventDefault(); onPick(at); }}
        className={`inline-block w-[3ch] cursor-text text-center${i === 7 ? ' mr-[1ch]' : ''}${b === 0 ? ' zero' : ''}${here ? ' outline-2 outline-(--focus)' : ''}`}>
        {here && held !== null ? `${held.toString(16)}_` : byteHex(b)}
      </span>,
    );
    text.push(<span key={at} {...attrs} className={b === 0 ? 'zero' : undefined}>{asciiOf(b)}</span>);
  }
  return (
    <div role="row" className="flex whitespace-pre">
      <span className="w-[8ch] text-faint">{hex(offset)}</span>
      <span className="ml-[2ch]">{cells}</span>
      <span className="ml-[1ch] text-muted">|{text}|</span>
    </div>
  );
}, (a, b) => a.offset === b.offset && a.content === b.content && a.tones === b.tones && a.col === b.col && a.held === b.held);

interface GridProps {
  bytes: Uint8Array;
  ranges: readonly HexRange[];
  cursor: number;
  held: number | null;
  onCursor: (offset: number) => void;
  onDigit: (digit: number) => void;
  onZero: () => void;
}

const SEVERITY_LETTER = { error: 'e', warning: 'w', info: '-' } as const;

/** The sandbox's 4096 bytes as an editable `hexdump -C`: arrows move, two hex digits write a byte, Delete writes 00. */
export function SandboxGrid({ bytes, ranges, cursor, held, onCursor, onDigit, onZero }: GridProps) {
  const box = useRef<HTMLDivElement>(null);
  const tones = useMemo(() => {
    const index = rangeIndex(MAILBOX_SIZE_BYTES, ranges);
    const out: string[] = [];
    for (let line = 0; line < MAILBOX_SIZE_BYTES; line += LINE_BYTES) {
      let s = '';
      for (let i = line; i < line + LINE_BYTES; i++) {
        const r = index[i] >= 0 ? ranges[index[i]] : undefined;
        s += (r?.tone ?? '-').toString() + SEVERITY_LETTER[r?.severity ?? 'info'];
      }
      out.push(s);
    }
    return out;
  }, [ranges]);

  // Keep the focus on the cursor's cell while the grid has it.
  useEffect(() => {
    const grid = box.current;
    if (!grid || !grid.contains(document.activeElement)) return;
    grid.querySelector<HTMLElement>(`[data-byte="${cursor}"]`)?.focus();
  }, [cursor]);

  const onKeyDown = (e: KeyboardEvent) => {
    const digit = hexDigit(e.key);
    const move: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -LINE_BYTES, ArrowDown: LINE_BYTES, PageUp: -SECTOR_SIZE_BYTES, PageDown: SECTOR_SIZE_BYTES };
    if (digit !== null && !e.ctrlKey && !e.metaKey && !e.altKey) onDigit(digit);
    else if (e.key in move) onCursor(Math.max(0, Math.min(MAILBOX_SIZE_BYTES - 1, cursor + move[e.key])));
    else if (e.key === 'Home') onCursor(cursor - (cursor % LINE_BYTES));
    else if (e.key === 'End') onCursor(cursor - (cursor % LINE_BYTES) + LINE_BYTES - 1);
    else if (e.key === 'Delete' || e.key === 'Backspace') onZero();
    else return;
    e.preventDefault();
  };
  const pick = (offset: number) => {
    onCursor(offset);
    box.current?.querySelector<HTMLElement>(`[data-byte="${offset}"]`)?.focus();
  };

  const rows = [];
  for (let line = 0; line < MAILBOX_SIZE_BYTES; line += LINE_BYTES) {
    if (line > 0 && line % SECTOR_SIZE_BYTES === 0) {
      rows.push(<div key={`rule-${line}`} role="separator" className="my-0.5 flex items-center gap-2 font-sans text-[11px] text-faint"><span className="h-px flex-1 bg-line-strong" />sector {line / SECTOR_SIZE_BYTES} · {hex(line)}<span className="h-px flex-1 bg-line-strong" /></div>);
    }
    const inRow = cursor >= line && cursor < line + LINE_BYTES;
    rows.push(<Row key={line} offset={line} bytes={bytes} content={toHex(bytes, line, LINE_BYTES)} tones={tones[line / LINE_BYTES]} col={inRow ? cursor - line : -1} held={inRow ? held : null} onPick={pick} />);
  }
  return (
    <div ref={box} role="grid" aria-label="mailbox bytes: arrows move, type two hex digits to write a byte, Delete writes 00"
      className="hex h-[26rem] w-max overflow-y-auto pr-2 font-mono text-[12px] leading-[18px]" onKeyDown={onKeyDown}>
      {rows}
    </div>
  );
}
