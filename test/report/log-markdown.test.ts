/** The log findings in Markdown, alone and in the incident summary: drops per host, failed extends, waits, each with its lines quoted. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, logReport, logSection } from '@/lib/report/log-markdown';
import { incidentSummary } from '@/lib/report/incident-markdown';
import { buildTimeline, bytesRepr, type DumpRead } from '@/lib/vdsm-log';
import { FIXTURES } from '../support/fixtures';
import { logLine, scanBytes } from '../vdsm-log/scan';
import { HSM_FILE, HSM_LOG, SPM_FILE, SPM_LOG, V2 } from '../vdsm-log/two-logs';

const LOG = readFileSync(path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm.log'));
const firstLine = LOG.toString('latin1').split('\n')[0];

function findings(files: Record<string, Uint8Array>, dumps: DumpRead[] = []) {
  const scan = scanBytes(files);
  return { scan, timeline: buildTimeline(scan, dumps) };
}

describe('the SPM\'s dropped mail', () => {
  const dump: DumpRead = { source: 'files', seq: 1, at: Date.parse('2026-11-24T20:47:28.380Z'), timesReal: true, files: ['inbox.1'], failing: [4, 6], requests: [] };
  const markdown = logReport(findings({ 'vdsm.log': LOG }, [dump]), new Map([[4, 'hv-a']]));

  it('says per host how many reads failed, when, and whether torn or garbage, with the host\'s name', () => {
    expect(markdown).toContain('### Mail the SPM dropped (`checksum failed`): 2 hosts, 2 episodes');
    expect(markdown).toContain('- **host 4 (hv-a)**: ✗ TORN, 8 failed reads in 1 episode, 2026-11-24 20:47:28.429 UTC → 20:47:31.568');
    expect(markdown).toContain('| 4 (hv-a) | ✗ TORN | 8 | 20:47:28.429 → 20:47:31.568 | — | ▲ slot 0 128 MiB d772f1c6…, · slot 0 CLEAN | read 1 | `vdsm.log:1` |');
    expect(markdown).toContain('- **Dumps on the same timeline** (their files\' times): read 1 at 20:47:28.380 (`inbox.1`), failing: host 4 (hv-a), 6');
  });

  it('quotes the first line of each drop with file:line, its head only (vdsm printed 16 KB of mailbox)', () => {
    const quoted = markdown.split('\n').find((l) => l.startsWith('  - `vdsm.log:1` (20:47:28.429) `'))!;
    expect(quoted).toBeDefined();
    const text = quoted.slice(quoted.indexOf(') `') + 3, -1);
    expect(text.endsWith('…')).toBe(true);
    expect(firstLine.startsWith(text.slice(0, -1))).toBe(true);
    expect(text).toContain("mailbox 4 checksum failed, not clearing mailbox, clearing new mail (data=b'1xtnd");
    expect(firstLine.length).toBeGreaterThan(16_000);
    expect(Math.max(...markdown.split('\n').map((l) => l.length))).toBeLessThan(1000);
    expect(markdown).toContain('  - last: `vdsm.log:15` (20:47:31.568)');
  });
});

describe('garbage the SPM drops on every read', () => {
  it('calls it garbage, with what to do, quoting the head of its 16 KB line', () => {
    // 0xff left on the LV where host 9's mailbox is: vdsm computes 4092 × 255 and logs it as expected
    const ff = bytesRepr(new Uint8Array(4092).fill(0xff));
    const expected = bytesRepr(new Uint8Array([0x04, 0xe4, 0x0f, 0x00]));
    const line = (s: number) => logLine(`10:00:0${s},000`, 'ERROR', 'mailbox-spm', 'storage.mailbox',
      `mailbox 9 checksum failed, not clearing mailbox, clearing new mail (data=${ff}, checksum=<function checksum at 0x7f0>, expected=${expected}) (mailbox:761)`);
    const markdown = logReport(findings({ 'vdsm.log': Buffer.from([0, 2, 4].map(line).join('\n'), 'latin1') }));
    expect(markdown).toContain('- **host 9**: ✗ GARBAGE, 3 failed reads in 1 episode, 2026-11-24 10:00:00.000 UTC → 10:00:04.000');
    expect(markdown).toMatch(/- host 9, GARBAGE: every logged byte is 0xff: nothing vdsm writes, left on the volume\. What to do: .*host id 9 is not in use/);
    expect(markdown).toContain("  - `vdsm.log:1` (10:00:00.000) `2026-11-24 10:00:00,000+0000 ERROR (mailbox-spm) [storage.mailbox] mailbox 9 checksum failed, not clearing mailbox, clearing new mail (data=b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff…`");
  });
});

describe('requests across an HSM\'s and the SPM\'s logs', () => {
  const markdown = logReport(findings({ [HSM_FILE]: Buffer.from(HSM_LOG, 'latin1'), [SPM_FILE]: Buffer.from(SPM_LOG, 'latin1') }));

  it('gives the waits from send to extend to completion, min/p50/p95/max', () => {
    expect(markdown).toContain('### Extend requests: 3 in the logs, 1 failed');
    expect(markdown).toContain('| send → extend | 2 | 1.250 | 1.250 | 1.500 | 1.500 |');
    expect(markdown).toContain('| extend → completed | 1 | 2.750 | 2.750 | 2.750 | 2.750 |');
    expect(markdown).toContain('| send → completed | 1 | 4.000 | 4.000 | 4.000 | 4.000 |');
    expect(markdown).toContain('| the host\'s own clock: total | 1 | 4.000 | 4.000 | 4.000 | 4.000 |');
  });

  it('lists the failed extend with its lines quoted: the send, the extend and the exception', () => {
    const at = markdown.indexOf('Failed extends (the SPM logged an exception): 1');
    expect(at).toBeGreaterThan(0);
    const block = markdown.slice(at).split('\n\n')[1].split('\n');
    expect(block[0]).toBe(`- ✗ host 7 (hv-b): volume \`${V2}\` (domain \`8adbc85e-e554-4ae0-b318-8a5465fe5fe1\`) to 1 GiB: queued 1.500 s`);
    expect(block.slice(1)).toEqual([
      `  - \`${HSM_FILE}:3\` (10:01:00.500) \`${HSM_LOG.split('\n')[2]}\``,
      `  - \`${SPM_FILE}:2\` (10:01:02.000) \`${SPM_LOG.split('\n')[1]}\``,
      `  - \`${SPM_FILE}:3\` (10:01:02.100) \`${SPM_LOG.split('\n')[2]}\``,
    ]);
  });

  it('names the host by its sosreport folder, and lists what was sent and never extended', () => {
    expect(markdown).toContain(`- **Host names from where the logs were found:** 7 = hv-b (\`${HSM_FILE}\`)`);
    expect(markdown).toContain('Sent, with no extend in the opened logs: 1');
  });
});

describe('in the incident summary', () => {
  const base = {
    source: { id: 'files', name: 'files: inbox', inbox: 'inbox', outbox: null },
    window: { fromSeq: 1, toSeq: 1, from: '2026-11-24T20:47:28.380Z', to: '2026-11-24T20:47:28.380Z', reads: 1, gap: false },
    stuckS: 10, episodes: [], requests: [], mailboxes: [], generatedAt: '2026-11-24T21:00:00.000Z',
  };

  it('adds the log findings under their own heading, with the names learnt from the logs, and nothing without logs', () => {
    const logs = findings({ [HSM_FILE]: Buffer.from(HSM_LOG, 'latin1'), [SPM_FILE]: Buffer.from(SPM_LOG, 'latin1') });
    const markdown = incidentSummary({ ...base, logs, hostNames: new Map([[7, 'hv-b']]) });
    expect(markdown).toContain('\n### vdsm logs: 2026-11-24 10:00:00.000 UTC → 10:05:00.000 (5 min)\n');
    expect(markdown).toContain(`  - \`${SPM_FILE}:3\` (10:01:02.100) \``);
    expect(logSection(logs, new Map([[7, 'given']])).join('\n')).toContain('- ✗ host 7 (given): volume');
    expect(incidentSummary(base)).not.toContain('vdsm logs');
  });
});

describe('inline code', () => {
  it.each([['plain', '`plain`'], ['a `tick`', '`` a `tick` ``'], ['``two``', '``` ``two`` ```'], ['', '``']])('quotes %j as %s', (text, md) => {
    expect(code(text)).toBe(md);
  });
});
