import { describe, expect, it } from 'vitest';
import { mustShow, preparePane } from './prepare-pane';

describe('preparePane', () => {
  const bytes = new Uint8Array(64);
  const previous = new Uint8Array(64);
  previous[20] = 1; // byte 20 changed since
  const pane = preparePane({
    id: 'p', title: 'p', bytes, previous,
    ranges: [
      { offset: 60, length: 4, label: 'sum', note: 'stored 0, computed 5', severity: 'error' },
      { offset: 0, length: 4, label: 'head', severity: 'info' },
    ],
  }, 64);

  it('files each note under the line holding its range’s last byte', () => {
    expect([...pane.notes.keys()]).toEqual([48]);
  });

  it('keeps lines with a note, a changed byte or a flagged range, and lets the rest fold', () => {
    expect([0, 16, 32, 48].map((line) => mustShow([pane], line))).toEqual([false, true, false, true]);
  });
});

describe('bands', () => {
  it('files each line under the band holding its first byte', () => {
    const pane = preparePane({
      id: 'p', title: 'p', bytes: new Uint8Array(64), ranges: [],
      bands: [{ offset: 0, length: 32, label: 'a', tone: 'new' }, { offset: 32, length: 32, label: 'b', tone: 'old' }],
    }, 64);
    expect([0, 16, 32, 48].map((line) => pane.bandOfLine.get(line)?.label)).toEqual(['a', 'a', 'b', 'b']);
  });
});
