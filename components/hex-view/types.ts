/** A generic annotated hex view: byte ranges in, colours and names out. It knows no file format. */

export type RangeSeverity = 'error' | 'warning' | 'info';

export interface HexRange {
  /** offset within the pane's bytes */
  offset: number;
  length: number;
  label: string;
  value?: string;
  severity?: RangeSeverity;
  /** colour family 0..7 (see globals.css `.hex [data-tone]`); none = uncoloured */
  tone?: number;
  /** a remark printed under the line holding the range's last byte */
  note?: string;
}

/**
 * A tagged span of a pane (e.g. a sector found old or new): a bar beside
 * each of its lines and its label on the rule where it begins. `tone` is the
 * caller's word for the colour (globals.css `[data-band]`).
 */
export interface HexBand {
  offset: number;
  length: number;
  label: string;
  tone: string;
}

export interface HexPane {
  id: string;
  title: string;
  /** null: nothing to show (e.g. the read failed) */
  bytes: Uint8Array | null;
  ranges: readonly HexRange[];
  /** the bytes at an earlier read: differing bytes are outlined */
  previous?: Uint8Array | null;
  bands?: readonly HexBand[];
}

/** A byte span that the caller wants pointed out in every pane (e.g. the selected slot). */
export interface HexFocus {
  offset: number;
  length: number;
}
