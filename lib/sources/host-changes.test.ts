import { describe, expect, it } from 'vitest';
import { HostChangeLog } from './host-changes';

describe('HostChangeLog', () => {
  it('tells the hosts changed after a read, and nothing for the latest read', () => {
    const log = new HostChangeLog();
    log.record(1, 5, [1, 2, 3, 4, 5]);
    log.record(2, 5, []);
    log.record(3, 5, [4]);
    log.record(4, 5, [2, 4]);
    expect(log.since(1)).toEqual({ hosts: [2, 4], removed: [] });
    expect(log.since(3)).toEqual({ hosts: [2, 4], removed: [] });
    expect(log.since(2)).toEqual({ hosts: [2, 4], removed: [] });
    expect(log.since(4)).toEqual({ hosts: [], removed: [] });
  });

  it('names hosts that went away and sends back those that return', () => {
    const log = new HostChangeLog();
    log.record(1, 4, [1, 2, 3, 4]);
    log.record(2, 2, []);
    expect(log.since(1)).toEqual({ hosts: [], removed: [3, 4] });
    log.record(3, 3, []);
    expect(log.since(1)).toEqual({ hosts: [3], removed: [4] });
    expect(log.since(2)).toEqual({ hosts: [3], removed: [] });
  });

  it('cannot answer for a read before its first or after its latest', () => {
    const log = new HostChangeLog();
    expect(log.since(0)).toBeNull();
    log.record(5, 1, [1]);
    expect(log.since(4)).toBeNull();
    expect(log.since(6)).toBeNull();
  });
});
