import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHead } from '@/lib/vdsm-log/log-line';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('a line head’s time', () => {
  it('is the instant the engine’s own ISO parser gives, for any date, clock and offset, real or not (none for no real time)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 999 }),
      fc.option(fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.option(fc.integer({ min: 0, max: 61 })))),
      (year, month, day, h, m, s, millis, offset) => {
        // The one difference: the engine reads 24:00:00.000 as the next midnight; no log writes it, and it is no time.
        fc.pre(!(h === 24 && m === 0 && s === 0 && millis === 0));
        const date = `${year}-${pad(month)}-${pad(day)}`;
        const clock = `${pad(h)}:${pad(m)}:${pad(s)}`;
        const off = offset ? `${offset[0]}${pad(offset[1])}${offset[2] === null ? '' : pad(offset[2])}` : '';
        const head = parseHead(`${date} ${clock},${pad(millis, 3)}${off} INFO  (jsonrpc/1) [vdsm.api] message`);
        const iso = `${date}T${clock}.${pad(millis, 3)}${offset ? `${offset[0]}${pad(offset[1])}:${offset[2] === null ? '00' : pad(offset[2])}` : 'Z'}`;
        const expected = Date.parse(iso);
        if (Number.isNaN(expected)) expect(head).toBeNull();
        else expect(head?.ms).toBe(expected);
      },
    ), { numRuns: 5000 });
  });

  it('reads the old layout as UTC and keeps the time as written', () => {
    const head = parseHead('Thread-22::ERROR::2016-08-02 12:22:51,548::storage_mailbox::640::Storage.MailBox.SpmMailMonitor::(_validateMailbox) mailbox 2 checksum failed');
    expect(head).toMatchObject({ time: '2016-08-02T12:22:51.548', ms: Date.UTC(2016, 7, 2, 12, 22, 51, 548), level: 'ERROR', logger: 'Storage.MailBox.SpmMailMonitor' });
  });
});
