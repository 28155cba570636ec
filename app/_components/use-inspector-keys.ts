import { moveSelection } from '@/components/live-grid/navigation';
import { commandFor } from './key-commands';
import type { SelectionControls } from './use-selection';
import { useShortcuts } from './use-shortcuts';
import type { TimeTravel } from './use-time-travel';
import { currentUrlState, type HistoryMode } from './use-url-state';
import type { UrlState } from './url-state';

export interface KeyTargets {
  rowIds: readonly number[];
  selection: SelectionControls;
  travel: TimeTravel;
  go: (next: UrlState, mode: HistoryMode) => void;
  help: { open: boolean; set: (open: boolean) => void };
  togglePause: () => void;
  toLive: () => void;
  toggleProblemsOnly: () => void;
  toggleEmpty: () => void;
}

/** The keyboard: one table of bindings (key-commands.ts) dispatched here; `?` lists them. */
export function useInspectorKeys(t: KeyTargets): void {
  useShortcuts((event) => {
    const command = commandFor(event.key);
    const now = currentUrlState();
    if (t.help.open) {
      if (command?.kind === 'close' || command?.kind === 'help') t.help.set(false);
      return event.key !== 'Tab'; // the dialog is modal
    }
    const { selection } = t.selection;
    switch (command?.kind) {
      case 'move': {
        const next = moveSelection(t.rowIds, selection, command.move);
        if (next) {
          t.selection.setPicked(next);
          if (now.host !== null) t.go({ ...now, host: next.host, slot: next.slot }, 'replace');
        }
        return true;
      }
      case 'open':
        if (!selection) return false;
        t.go({ ...now, host: selection.host, slot: selection.slot, panel: null }, 'push');
        return true;
      case 'close':
        // the innermost first: the drawer, then time travel
        if (now.host !== null || now.panel !== null) t.selection.closeDrawer();
        else if (now.seq !== null) t.travel.toLive();
        else return false;
        return true;
      case 'live':
        t.togglePause();
        return true;
      case 'to-live':
        t.toLive();
        return true;
      case 'step':
        t.travel.step(command.by);
        return true;
      case 'jump':
        t.travel.jump(command.by);
        return true;
      case 'panel':
        if (now.panel === command.panel) t.selection.closeDrawer();
        else t.go({ ...now, panel: command.panel }, 'push');
        return true;
      case 'help':
        t.help.set(true);
        return true;
      case 'problems':
        t.toggleProblemsOnly();
        return true;
      case 'empty':
        t.toggleEmpty();
        return true;
      default:
        return false;
    }
  });
}
