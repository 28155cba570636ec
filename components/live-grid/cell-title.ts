import { messageText, stepText } from '@/components/vocabulary/slot-line';
import type { CellModel } from './row-model';

/** Titles of cells already drawn: a cell that did not change keeps its model, and so its title, from update to update. */
const titles = new WeakMap<CellModel, string>();

/** The tooltip of a grid cell: what a person would ask about it first. */
export function cellTitle(host: number, cell: CellModel): string {
  let title = titles.get(cell);
  if (title === undefined) {
    const { inbox, outbox } = cell;
    const lean = [inbox, outbox].some((s) => s?.kind === 'extend' && s.volume === undefined);
    title = `host ${host} slot ${cell.slot}: ${stepText(cell.step)}\ninbox: ${messageText(inbox)}\noutbox: ${messageText(outbox, inbox)}` +
      (lean ? '\nclick: its domain, volume and bytes' : '');
    titles.set(cell, title);
  }
  return title;
}
