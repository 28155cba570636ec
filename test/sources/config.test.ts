import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/sources/config';

const root = mkdtempSync(path.join(tmpdir(), 'mailbox-config-'));
const domMd = path.join(root, 'sd', 'dom_md');
const inboxOnly = path.join(root, 'inbox-only');
mkdirSync(domMd, { recursive: true });
mkdirSync(inboxOnly);
for (const file of [path.join(domMd, 'inbox'), path.join(domMd, 'outbox'), path.join(inboxOnly, 'inbox')]) writeFileSync(file, '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseConfig', () => {
  it('defaults: no sources (the demo then), 250 hosts, 500 ms, a read hangs after 10 s', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: { sources: [], maxHostId: 250, pollMs: 500, readTimeoutMs: 10_000, hostNames: new Map() } });
  });

  it('reads MAILBOX_HOST_NAMES, with sources turned off too', () => {
    expect(parseConfig({ MAILBOX_HOST_NAMES: '1=hv-a, 7=hv-b' })).toMatchObject({ ok: true, config: { hostNames: new Map([[1, 'hv-a'], [7, 'hv-b']]) } });
    expect(parseConfig({ MAILBOX_SOURCES: 'none', MAILBOX_HOST_NAMES: '3=spm' })).toMatchObject({ ok: true, config: { off: true, hostNames: new Map([[3, 'spm']]) } });
  });

  it('rejects a bad MAILBOX_HOST_NAMES with the entry at fault, beside other errors', () => {
    const result = parseConfig({ MAILBOX_HOST_NAMES: '1=hv-a,7', MAILBOX_POLL_MS: 'soon' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'MAILBOX_POLL_MS="soon": expected a whole number from 50 to 60000',
      'MAILBOX_HOST_NAMES: entry "7" has no \'=\': write id=name, e.g. 1=hv-a,7=hv-b',
    ]);
  });

  it('reads name=DIR and name=inbox:PATH,outbox:PATH entries separated by ;', () => {
    const result = parseConfig({
      MAILBOX_SOURCES: ` a=${domMd} ; b=inbox:${path.join(domMd, 'inbox')} ;c=${inboxOnly};`,
      MAILBOX_MAX_HOST_ID: '2000', MAILBOX_POLL_MS: '250',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        maxHostId: 2000, pollMs: 250, readTimeoutMs: 10_000, hostNames: new Map(),
        sources: [
          { id: 'a', name: 'a', demo: false, inbox: path.join(domMd, 'inbox'), outbox: path.join(domMd, 'outbox') },
          { id: 'b', name: 'b', demo: false, inbox: path.join(domMd, 'inbox'), outbox: null },
          { id: 'c', name: 'c', demo: false, inbox: path.join(inboxOnly, 'inbox'), outbox: null },
        ],
      },
    });
  });

  it.each([
    ['x', 'expected name=DIR or name=inbox:PATH,outbox:PATH'],
    ['bad name=/tmp', 'the name must be letters'],
    [`a=${root}/nope`, 'does not exist'],
    [`a=${domMd}/inbox`, 'is not a directory'],
    [`a=${root}`, 'holds neither an inbox nor an outbox'],
    [`a=inbox:${root}/nope`, 'does not exist'],
    [`a=inbox:rel/inbox`, 'is not absolute'],
    [`a=inbox:${domMd}/inbox,inbox:${domMd}/inbox`, 'inbox is given twice'],
    [`a=inbox:${domMd}/inbox,spool:/x`, 'expected inbox:PATH or outbox:PATH'],
    [`a=${domMd};a=${domMd}`, 'the name "a" is used twice'],
  ])('rejects %s, naming the entry', (sources, message) => {
    const result = parseConfig({ MAILBOX_SOURCES: sources });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain(message);
  });

  it.each([
    ['MAILBOX_MAX_HOST_ID', '0'], ['MAILBOX_MAX_HOST_ID', '2001'], ['MAILBOX_MAX_HOST_ID', '4096'], ['MAILBOX_MAX_HOST_ID', '0x10'],
    ['MAILBOX_MAX_HOST_ID', '1e308'], ['MAILBOX_MAX_HOST_ID', '16.0'], ['MAILBOX_MAX_HOST_ID', '+16'], ['MAILBOX_MAX_HOST_ID', '１６'],
    ['MAILBOX_POLL_MS', '1.5'], ['MAILBOX_POLL_MS', 'soon'], ['MAILBOX_POLL_MS', '5e2'],
    ['MAILBOX_READ_TIMEOUT_MS', '0x3e8'], ['MAILBOX_READ_TIMEOUT_MS', '50'],
  ])(
    'rejects %s=%s', (name, value) => {
      const result = parseConfig({ [name]: value });
      expect(!result.ok && result.errors[0]).toContain(`${name}=${JSON.stringify(value)}: expected a whole number`);
    });

  it('reads MAILBOX_READ_TIMEOUT_MS, and takes whole decimal numbers with spaces around', () => {
    expect(parseConfig({ MAILBOX_READ_TIMEOUT_MS: ' 1500 ', MAILBOX_MAX_HOST_ID: '16' })).toMatchObject({ ok: true, config: { readTimeoutMs: 1500, maxHostId: 16 } });
  });
});
