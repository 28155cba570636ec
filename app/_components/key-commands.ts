/** Every keyboard shortcut, once: the key handler and the help dialog both read this table. */
import type { Move } from '@/components/live-grid/navigation';

export type Command =
  | { kind: 'move'; move: Move }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'live' }
  | { kind: 'help' }
  | { kind: 'problems' }
  | { kind: 'empty' };

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
  { keys: ['Escape'], label: 'Esc', action: 'close the detail, or this help', command: { kind: 'close' } },
  { keys: [' '], label: 'Space', action: 'pause / resume live updates', command: { kind: 'live' } },
  { keys: ['p'], label: 'p', action: 'problems only: just the hosts with findings', command: { kind: 'problems' } },
  { keys: ['e'], label: 'e', action: 'show / fold the hosts without mail', command: { kind: 'empty' } },
  { keys: ['?'], label: '?', action: 'this help', command: { kind: 'help' } },
];

const BY_KEY = new Map(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.command] as const)));

export function commandFor(key: string): Command | null {
  return BY_KEY.get(key) ?? null;
}
