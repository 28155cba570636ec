import { describe, expect, it } from 'vitest';
import { changedBytes, planLines, rangeIndex } from './hex-lines';

const kinds = (items: ReturnType<typeof planLines>) => items.map((i) => (i.kind === 'gap' ? `gap ${i.offset}-${i.end}` : `${i.kind} ${i.offset}`));

describe('planLines', () => {
  it('lists every 16-byte line with a rule before each sector after the first', () => {
    const items = planLines({ length: 64, panes: [new Uint8Array(64)], ruleEvery: 32, foldZeros: false });
    expect(kinds(items)).toEqual(['line 0', 'line 16', 'rule 32', 'line 32', 'line 48']);
  });

  it('folds runs of zero lines, one gap per sector, and keeps single zero lines', () => {
    const bytes = new Uint8Array(128);
    bytes[0] = 1;
    bytes[48] = 1;
    const items = planLines({ length: 128, panes: [bytes], ruleEvery: 64, foldZeros: true });
    expect(kinds(items)).toEqual(['line 0', 'gap 16-48', 'line 48', 'rule 64', 'gap 64-128']);
  });

  it('folds a line only when it is zero in every pane and not kept', () => {
    const a = new Uint8Array(64);
    const b = new Uint8Array(64);
    b[20] = 7;
    const items = planLines({ length: 64, panes: [a, b, null], foldZeros: true, keep: (o) => o === 48 });
    expect(kinds(items)).toEqual(['line 0', 'line 16', 'line 32', 'line 48']);
    expect(kinds(planLines({ length: 64, panes: [a], foldZeros: true, keep: (o) => o === 48 }))).toEqual(['gap 0-48', 'line 48']);
  });
});

describe('rangeIndex and changedBytes', () => {
  it('maps each byte to the range covering it', () => {
    const index = rangeIndex(8, [{ offset: 1, length: 2, label: 'a' }, { offset: 2, length: 3, label: 'b' }]);
    expect([...index]).toEqual([-1, 0, 1, 1, 1, -1, -1, -1]);
  });

  it('marks bytes that differ from the previous read', () => {
    expect(changedBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 0, 3))).toEqual(Uint8Array.of(0, 1, 0));
    expect(changedBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBeNull();
    expect(changedBytes(Uint8Array.of(1), null)).toBeNull();
  });
});
