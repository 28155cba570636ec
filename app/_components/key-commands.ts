/** Every keyboard shortcut, once: the key handler and the help dialog both read this table. */
import type { Move } from '@/components/live-grid/navigation';
import type { Panel } from './url-state';

export type Command =
  | { kind: 'move'; move: Move }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'live' }
  | { kind: 'help' }
  | { kind: 'problems' }
  | { kind: 'empty' }
  /** time travel: one read back or forward */
  | { kind: 'step'; by: -1 | 1 }
  /** time travel: to the previous or next read with a mark on the timeline */
  | { kind: 'jump'; by: -1 | 1 }
  | { kind: 'to-live' }
  | { kind: 'panel'; panel: Panel };

interface Binding {
  keys: readonly string[];
  /** how the help dialog writes the keys */
  label: string;
  action: string;
  command: Command;
}

const move = (m: Move): Command => ({ kind: 'move', move: m });

export const BINDINGS: readonly Binding[] = [
  { keys: ['ArrowUp', 'k'], label: '↑ or k', action: 'select the host above', command: move('up') },
  { keys: ['ArrowDown', 'j'], label: '↓ or j', action: 'select the host below', command: move('down') },
  { keys: ['ArrowLeft', 'h'], label: '← or h', action: 'select the slot to the left', command: move('left') },
  { keys: ['ArrowRight', 'l'], label: '→ or l', action: 'select the slot to the right', command: move('right') },
  { keys: ['Home'], label: 'Home', action: 'first slot of the row', command: move('home') },
  { keys: ['End'], label: 'End', action: 'last slot of the row', command: move('end') },
  { keys: ['Enter'], label: 'Enter', action: 'open the selected host’s detail (it follows the selection while open)', command: { kind: 'open' } },
  { keys: ['Escape'], label: 'Esc', action: 'close this help, the drawer or the detail; with nothing open, leave time travel', command: { kind: 'close' } },
  { keys: [' '], label: 'Space', action: 'pause / resume live updates', command: { kind: 'live' } },
  { keys: ['p'], label: 'p', action: 'problems only: just the hosts with findings', command: { kind: 'problems' } },
  { keys: ['e'], label: 'e', action: 'show / fold the hosts without mail', command: { kind: 'empty' } },
  { keys: ['['], label: '[', action: 'time travel: the previous read (from live: the read before the latest)', command: { kind: 'step', by: -1 } },
  { keys: [']'], label: ']', action: 'time travel: the next read (past the latest: back to live)', command: { kind: 'step', by: 1 } },
  { keys: ['{'], label: '{', action: 'time travel: the previous read with a mark on the timeline (✗ ▲ ✓)', command: { kind: 'jump', by: -1 } },
  { keys: ['}'], label: '}', action: 'time travel: the next read with a mark on the timeline', command: { kind: 'jump', by: 1 } },
  { keys: ['L'], label: 'L', action: 'back to live', command: { kind: 'to-live' } },
  { keys: ['r'], label: 'r', action: 'open / close the requests table', command: { kind: 'panel', panel: 'requests' } },
  { keys: ['c'], label: 'c', action: 'open / close the checksum-failure episodes', command: { kind: 'panel', panel: 'episodes' } },
  { keys: ['?'], label: '?', action: 'this help', command: { kind: 'help' } },
];

const BY_KEY = new Map(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.command] as const)));

export function commandFor(key: string): Command | null {
  return BY_KEY.get(key) ?? null;
}
