/** Per-pane lookups computed once per data change, shared by every line. */
import { changedBytes, LINE_BYTES, rangeIndex } from './hex-lines';
import type { HexBand, HexPane, HexRange } from './types';

export interface PreparedPane {
  pane: HexPane;
  /** byte → index into pane.ranges, -1 for none */
  index: Int32Array;
  changed: Uint8Array | null;
  /** line offset → ranges whose note goes under that line */
  notes: Map<number, HexRange[]>;
  /** line offset → the band holding the line's first byte */
  bandOfLine: Map<number, HexBand>;
}

export function preparePane(pane: HexPane, length: number): PreparedPane {
  const notes = new Map<number, HexRange[]>();
  for (const r of pane.ranges) {
    if (!r.note) continue;
    const line = Math.floor((r.offset + r.length - 1) / LINE_BYTES) * LINE_BYTES;
    notes.set(line, [...(notes.get(line) ?? []), r]);
  }
  const bandOfLine = new Map<number, HexBand>();
  for (const band of pane.bands ?? []) {
    const first = Math.ceil(band.offset / LINE_BYTES) * LINE_BYTES;
    for (let line = first; line < Math.min(length, band.offset + band.length); line += LINE_BYTES) bandOfLine.set(line, band);
  }
  return { pane, index: rangeIndex(length, pane.ranges), changed: changedBytes(pane.bytes, pane.previous), notes, bandOfLine };
}

/** Lines that must not fold away: they hold a note, a changed byte or a flagged range. */
export function mustShow(prepared: readonly PreparedPane[], lineOffset: number): boolean {
  for (const p of prepared) {
    if (p.notes.has(lineOffset)) return true;
    for (let i = lineOffset; i < lineOffset + LINE_BYTES; i++) {
      if (p.changed?.[i]) return true;
      const r = p.index[i];
      if (r >= 0 && p.pane.ranges[r].severity && p.pane.ranges[r].severity !== 'info') return true;
    }
  }
  return false;
}
