import { describe, expect, it } from 'vitest';
import { sourceWarnings } from '@/app/_components/source-warnings';
import { buildGridModel, type GridModel } from '@/components/live-grid/grid-model';
import type { SourceInfo } from '@/lib/api/types';
import { snapshotOf } from './snapshot-of';

const source: SourceInfo = { id: 'test', name: 'test', demo: false, pollMs: 500, maxHostId: 10, inbox: null, outbox: null };

function model(edit: (s: ReturnType<typeof snapshotOf>) => void = () => {}): GridModel {
  const snapshot = snapshotOf({});
  edit(snapshot);
  return buildGridModel(null, snapshot, 1000);
}

describe('sourceWarnings', () => {
  it('says nothing when reads are direct, fresh and error-free', () => {
    expect(sourceWarnings(source, model(), undefined, 1200, true)).toEqual([]);
  });

  it('warns when the server has not answered for more than 3 intervals, unless paused', () => {
    expect(sourceWarnings(source, model(), undefined, 1000 + 1600, true)[0].text).toMatch(/No answer from the server for 1 s .*3 intervals of 0.5 s/);
    expect(sourceWarnings(source, model(), undefined, 1000 + 60_000, false)).toEqual([]);
  });

  it('warns when the server answers but its reads stopped (a hanging storage)', () => {
    const m = { ...model(), confirmedAt: 9000 };
    expect(sourceWarnings(source, m, undefined, 9100, true)[0].text).toMatch(/^No new read for 8 s .*last read #1 at .*the storage may be hanging/);
  });

  it('puts the read error on the header with the time of the last good read', () => {
    const m = model((s) => {
      s.inbox = { ...s.inbox!, error: { code: 'EACCES', message: 'permission denied (run as root)' }, lastOkAt: new Date(0).toISOString() };
    });
    const texts = sourceWarnings(source, m, undefined, 1200, true).map((w) => w.text);
    expect(texts).toEqual([expect.stringMatching(/^inbox \/x\/inbox: permission denied \(run as root\) \(EACCES\); last successful read at .* \(1 s ago\): what you see is old$/)]);
  });

  it('warns about reads through the page cache', () => {
    const m = model((s) => {
      s.outbox = { ...s.outbox!, direct: false };
    });
    expect(sourceWarnings(source, m, undefined, 1200, true)).toEqual([
      { severity: 'warning', text: 'page cache: outbox is not read with O_DIRECT, so what you see may not be what is on the storage' },
    ]);
  });

  it('reports an unreachable server', () => {
    expect(sourceWarnings(source, undefined, new Error('snapshot: fetch failed'), 0, true)[0].text).toBe('No answer from the inspector server (snapshot: fetch failed). Retrying.');
  });
});
