import { describe, expect, it } from 'vitest';
import { parseHistorySettings } from '@/lib/history/settings';

describe('history settings', () => {
  it('defaults to one hour, 256 MiB, 10 s and 10 reads', () => {
    expect(parseHistorySettings({})).toEqual({ ok: true, settings: { historyMs: 3_600_000, maxBytes: 256 * 1024 * 1024, stuckMs: 10_000, persistentReads: 10 } });
  });

  it('reads MAILBOX_HISTORY_S, MAILBOX_HISTORY_MAX_MB, MAILBOX_STUCK_S (which may be a fraction) and MAILBOX_PERSISTENT_READS', () => {
    const parsed = parseHistorySettings({ MAILBOX_HISTORY_S: '600', MAILBOX_HISTORY_MAX_MB: '32', MAILBOX_STUCK_S: '0.5', MAILBOX_PERSISTENT_READS: '4' });
    expect(parsed).toEqual({ ok: true, settings: { historyMs: 600_000, maxBytes: 32 * 1024 * 1024, stuckMs: 500, persistentReads: 4 } });
  });

  it('names each bad variable and what it expected', () => {
    const parsed = parseHistorySettings({ MAILBOX_HISTORY_S: '1.5', MAILBOX_HISTORY_MAX_MB: '0', MAILBOX_STUCK_S: 'soon', MAILBOX_PERSISTENT_READS: '0' });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'MAILBOX_HISTORY_S="1.5": expected a whole number from 1 to 604800',
        'MAILBOX_HISTORY_MAX_MB="0": expected a whole number from 1 to 65536',
        'MAILBOX_STUCK_S="soon": expected a number from 0.1 to 86400',
        'MAILBOX_PERSISTENT_READS="0": expected a whole number from 1 to 1000000',
      ],
    });
  });
});
