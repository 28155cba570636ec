import { describe, expect, it } from 'vitest';
import { extend } from '@/lib/mailbox';
import { snapshotOf } from '@/test/ui/snapshot-of';
import { buildGridModel } from './grid-model';
import { gridView, idRanges } from './visible-rows';
import { moveSelection } from './navigation';

const req = extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128);
// host 2 has mail, host 4 is torn, host 10 has mail outside the window; the rest are empty.
const rows = buildGridModel(null, snapshotOf({ inbox: { 2: { 0: req }, 4: { 3: req }, 10: { 0: req } }, torn: [4] }), 0).rows;
const ids = (v: { rows: readonly { id: number }[] }) => v.rows.map((r) => r.id);

describe('gridView', () => {
  it('folds hosts without mail and keeps every problem', () => {
    const view = gridView(rows, { showEmpty: false, problemsOnly: false, selectedHost: null });
    expect(ids(view)).toEqual([2, 4, 10]);
    expect(view.folded).toEqual([1, 3, 5, 6, 7, 8, 9]);
  });

  it('shows every host when expanded', () => {
    expect(ids(gridView(rows, { showEmpty: true, problemsOnly: false, selectedHost: null }))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('shows only hosts with problems, plus the selected host', () => {
    const view = gridView(rows, { showEmpty: false, problemsOnly: true, selectedHost: 6 });
    expect(ids(view)).toEqual([4, 6, 10]);
    expect(view.filtered).toBe(7);
  });

  it('keeps hosts flagged by their history (an episode, a stuck request) unfolded and among the problems', () => {
    const flagged = new Set([5]);
    expect(ids(gridView(rows, { showEmpty: false, problemsOnly: false, selectedHost: null, flagged }))).toEqual([2, 4, 5, 10]);
    expect(ids(gridView(rows, { showEmpty: false, problemsOnly: true, selectedHost: null, flagged }))).toEqual([4, 5, 10]);
  });

  it('writes folded ids as ranges', () => {
    expect(idRanges([1, 3, 5, 6, 7, 8, 9])).toBe('1, 3, 5–9');
    expect(idRanges([1, 3, 5, 7, 9, 11, 13, 14], 3)).toBe('1, 3, 5, …');
  });
});

describe('moveSelection', () => {
  const hosts = [2, 4, 10];
  it('starts at the first row and moves between visible rows keeping the slot', () => {
    expect(moveSelection(hosts, null, 'down')).toEqual({ host: 2, slot: 0 });
    expect(moveSelection(hosts, { host: 2, slot: 5 }, 'down')).toEqual({ host: 4, slot: 5 });
    expect(moveSelection(hosts, { host: 10, slot: 5 }, 'down')).toEqual({ host: 10, slot: 5 });
    expect(moveSelection(hosts, { host: 4, slot: 5 }, 'up')).toEqual({ host: 2, slot: 5 });
  });

  it('moves along slots 0..62 and stops at the ends', () => {
    expect(moveSelection(hosts, { host: 4, slot: 0 }, 'left')).toEqual({ host: 4, slot: 0 });
    expect(moveSelection(hosts, { host: 4, slot: 61 }, 'right')).toEqual({ host: 4, slot: 62 });
    expect(moveSelection(hosts, { host: 4, slot: 62 }, 'right')).toEqual({ host: 4, slot: 62 });
    expect(moveSelection(hosts, { host: 4, slot: null }, 'right')).toEqual({ host: 4, slot: 0 });
    expect(moveSelection(hosts, { host: 4, slot: 9 }, 'end')).toEqual({ host: 4, slot: 62 });
  });

  it('re-enters the grid when the selected host is no longer visible', () => {
    expect(moveSelection(hosts, { host: 7, slot: 3 }, 'down')).toEqual({ host: 2, slot: 3 });
    expect(moveSelection([], { host: 7, slot: 3 }, 'down')).toBeNull();
  });
});
