/**
 * What the URL carries: `?source=…&seq=123&host=7&slot=12&panel=requests`.
 * A pasted link opens the same view, at the same moment when `seq` is set.
 */
import { MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';

/** The bottom drawer's tab, when it is not the open host's bytes. */
export type Panel = 'requests' | 'episodes';

const PANELS: readonly Panel[] = ['requests', 'episodes'];

export interface UrlState {
  source: string | null;
  /** time travel: the read shown instead of the live one */
  seq: number | null;
  /** the host whose detail is open */
  host: number | null;
  slot: number | null;
  panel: Panel | null;
}

export const LIVE_VIEW: UrlState = { source: null, seq: null, host: null, slot: null, panel: null };

interface ParamsLike {
  get(name: string): string | null;
}

function whole(text: string | null, min: number, max: number, digits = 5): number | null {
  if (text === null || !new RegExp(`^\\d{1,${digits}}$`).test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function parseUrlState(params: ParamsLike): UrlState {
  const host = whole(params.get('host'), 1, 65535);
  const panel = params.get('panel');
  return {
    source: params.get('source') || null,
    // the server's seqs are whole numbers of up to 15 digits
    seq: whole(params.get('seq'), 0, Number.MAX_SAFE_INTEGER, 15),
    host,
    slot: host === null ? null : whole(params.get('slot'), 0, MESSAGE_SLOTS_PER_MAILBOX - 1),
    panel: PANELS.includes(panel as Panel) ? (panel as Panel) : null,
  };
}

/** The query string for a state ('' when there is nothing to say). */
export function searchOf(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.source) params.set('source', state.source);
  if (state.seq !== null) params.set('seq', String(state.seq));
  if (state.host !== null) {
    params.set('host', String(state.host));
    if (state.slot !== null) params.set('slot', String(state.slot));
  }
  if (state.panel) params.set('panel', state.panel);
  const text = params.toString();
  return text ? `?${text}` : '';
}
