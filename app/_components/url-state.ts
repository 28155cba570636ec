/** What the URL carries: `?source=…&host=7&slot=12`. A pasted link opens the same view. */
import { MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';

export interface UrlState {
  source: string | null;
  /** the host whose detail is open */
  host: number | null;
  slot: number | null;
}

interface ParamsLike {
  get(name: string): string | null;
}

function whole(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function parseUrlState(params: ParamsLike): UrlState {
  const host = whole(params.get('host'), 1, 65535);
  return {
    source: params.get('source') || null,
    host,
    slot: host === null ? null : whole(params.get('slot'), 0, MESSAGE_SLOTS_PER_MAILBOX - 1),
  };
}

/** The query string for a state ('' when there is nothing to say). */
export function searchOf(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.source) params.set('source', state.source);
  if (state.host !== null) {
    params.set('host', String(state.host));
    if (state.slot !== null) params.set('slot', String(state.slot));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
