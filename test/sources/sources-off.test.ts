/** MAILBOX_SOURCES=none: a server for opened files, /api/decode and nothing else (no demo). */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/sources/config';

describe('MAILBOX_SOURCES=none', () => {
  it('configures no sources and turns the demo off', () => {
    expect(parseConfig({ MAILBOX_SOURCES: ' none ' })).toEqual({ ok: true, config: { sources: [], maxHostId: 250, pollMs: 500, readTimeoutMs: 10000, hostNames: new Map(), off: true } });
  });

  it('still checks the other settings', () => {
    expect(parseConfig({ MAILBOX_SOURCES: 'none', MAILBOX_POLL_MS: 'soon' })).toMatchObject({ ok: false, errors: [expect.stringContaining('MAILBOX_POLL_MS')] });
  });

  it('leaves an empty setting as it was: the demo', () => {
    expect(parseConfig({ MAILBOX_SOURCES: '' })).toMatchObject({ ok: true, config: { sources: [] } });
    expect((parseConfig({}) as { config: { off?: boolean } }).config.off).toBeUndefined();
  });
});
