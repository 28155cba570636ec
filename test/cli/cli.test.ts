/**
 * `npx mailbox-inspector decode` run as a person would, on vdsm-written
 * fixtures: its --json equals what POST /api/decode answers for the same
 * bytes (a running server), its text names hosts, states, checksums, slots
 * and steps, and bad input gets a sentence and a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@/cli/main';
import { fixture } from '../support/fixtures';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs the command as a person would (`npx mailbox-inspector`), or the bin directly (faster on a busy machine). */
async function spawnCli(how: 'npx' | 'bin', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [cmd, pre] = how === 'npx' ? ['npx', ['--offline', 'mailbox-inspector']] : [process.execPath, ['bin/mailbox-inspector.mjs']];
  try {
    const { stdout, stderr } = await run(cmd, [...pre, ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The same entry in this process: the code the bin runs, on the same files. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: { write: (t: string) => (stdout += t) }, err: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const F = (...p: string[]) => path.join('test/fixtures', ...p);

describe('mailbox-inspector decode', () => {
  let server: RunningServer;
  let scratch: string;

  beforeAll(async () => {
    server = await startServer({ MAILBOX_SOURCES: `fixtures=${path.join(ROOT, 'test/fixtures/vdsm-h10/multi')}` });
    scratch = mkdtempSync(path.join(tmpdir(), 'mi-cli-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function api(kind: string, bytes: Uint8Array, maxHostId?: number) {
    const query = maxHostId ? `&maxHostId=${maxHostId}` : '';
    const answer = await fetchAnswer(server, `/api/decode?kind=${kind}${query}`, { method: 'POST', body: Buffer.from(bytes) });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('works as `npx mailbox-inspector` in the checkout, printing the same JSON as POST /api/decode', async () => {
    const dir = 'vdsm-h10/multi-replied';
    const { code, stdout, stderr } = await spawnCli('npx', 'decode', '--json', F(dir, 'inbox'), F(dir, 'outbox'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      inbox: await api('inbox', fixture(dir, 'inbox')),
      outbox: await api('outbox', fixture(dir, 'outbox')),
    });
  });

  it('exits non-zero with the sentence on stderr when run as a program', async () => {
    const { code, stdout, stderr } = await spawnCli('bin', 'decode', 'no/such/inbox');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('mailbox-inspector: no/such/inbox: no such file\n');
  });

  for (const dir of ['torn/torn-stale-k5', 'vdsm-h250/multi']) {
    it(`prints for ${dir} the same JSON as POST /api/decode, per volume`, async () => {
      const { code, stdout } = await spawnCli('bin', 'decode', '--json', F(dir, 'inbox'), F(dir, 'outbox'));
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        inbox: await api('inbox', fixture(dir, 'inbox')),
        outbox: await api('outbox', fixture(dir, 'outbox')),
      });
    });
  }

  it('passes --max-host-id on as the API\'s maxHostId, and gives only the volumes named', async () => {
    const { stdout } = await cli('decode', '--json', '--max-host-id', '5', F('vdsm-h10/multi', 'inbox'));
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['inbox']);
    expect(answer.inbox).toEqual(await api('inbox', fixture('vdsm-h10/multi', 'inbox'), 5));
    expect(answer.inbox.hosts.filter((h: { outsideWindow: boolean }) => h.outsideWindow).map((h: { id: number }) => h.id)).toEqual([5, 6, 7, 8, 9]);
  });

  it('prints bug 1426762 as a person sees it: the failing mailbox, both checksums, the waiting request and the finding', async () => {
    const { code, stdout } = await cli('decode', '--max-host-id', '10', F('torn/torn-1426762', 'inbox'), F('torn/torn-1426762', 'outbox'));
    expect(code).toBe(0);
    expect(stdout).toContain('1 host with mail · 1 request waiting for a reply · 1 mailbox failing their checksum');
    expect(stdout).toContain('host 7: inbox ✗ FAILING stored 0 ≠ computed 6457 (checksum missing): the SPM drops this mail · outbox empty');
    expect(stdout).toContain('host 7 slot 1 · ▲ requested · inbox: xtnd 100 MiB domain 8adbc85e-e554-4ae0-b318-8a5465fe5fe1');
    expect(stdout).toContain('8 hosts without mail: 1-6, 8-9');
    expect(stdout).toContain('error mailbox.checksum.missing inbox host 7 at 32764+4: expected checksum 6457 (sum of bytes 0..4091), got 0');
  });

  it('prints every step of a request\'s life: replied and failed replies, CLEANs', async () => {
    const replied = await cli('decode', F('vdsm-h10/multi-replied', 'inbox'), F('vdsm-h10/multi-replied', 'outbox'));
    expect(replied.stdout).toContain('host 2 slot 1 · ✗ failed · inbox: xtnd 1.13 GiB (1154 MiB)');
    expect(replied.stdout).toContain('host 5: inbox ok checksum 284577');
    const acked = await cli('decode', F('vdsm-h10/ack', 'inbox'), F('vdsm-h10/ack', 'outbox'));
    expect(acked.stdout).toContain('host 3 slot 0 · ∙ SPM ack · inbox: CLEAN · outbox: CLEAN');
  });

  it('reads a dump with a trailing partial mailbox, saying what it left out', async () => {
    const file = path.join(scratch, 'inbox.dump');
    writeFileSync(file, Buffer.concat([Buffer.from(fixture('vdsm-h10/request', 'inbox')), Buffer.alloc(100, 7)]));
    const { code, stdout } = await cli('decode', file);
    expect(code).toBe(0);
    expect(stdout).toContain('the last 100 bytes (a partial mailbox at offset 40960) were not decoded');
  });

  it.each([
    [['decode', 'test/fixtures/README.md'], /not named like an inbox or outbox dump; say which it is with --inbox/],
    [['decode', 'no/such/inbox'], /no\/such\/inbox: no such file/],
    [['decode', F('vdsm-trace/busy/trace.jsonl')], /a mailbox trace; open it on the inspector's \/open page/],
    [['decode', F('vdsm-h10/ack/inbox'), F('vdsm-h10/clean/inbox')], /a second inbox/],
    [['decode', '--max-host-id', 'x', 'inbox'], /--max-host-id: expected a whole number/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('refuses %j with a sentence and a non-zero exit', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBeGreaterThan(0);
    expect(stderr).toMatch(message);
  });

  it('reads a vdsm log too: the SPM\'s 16 checksum failures of torn-pre2017, and with --json the JSON of POST /api/vdsm-log', async () => {
    const text = await cli('decode', F('vdsm-trace/torn-pre2017/vdsm.log'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('### Mail the SPM dropped (`checksum failed`): 2 hosts, 2 episodes');
    expect(text.stdout).toContain('| 4 | ✗ TORN | 8 | 20:47:28.429 → 20:47:31.568 |');
    expect(text.stdout).toContain("- `vdsm.log:1` (20:47:28.429) `2026-11-24 20:47:28,429+0000 ERROR (mailbox-spm) [storage.mailbox] mailbox 4 checksum failed");
    const json = await cli('decode', '--json', F('vdsm-trace/torn-pre2017/vdsm.log'));
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { checksumFailures: Array<{ mailbox: number; count: number }> };
    expect(result.checksumFailures.reduce((n, e) => n + e.count, 0)).toBe(16);
    expect(new Set(result.checksumFailures.map((e) => e.mailbox))).toEqual(new Set([4, 6]));
  });

  it('takes a file of any name as a volume when told which', async () => {
    const file = path.join(scratch, 'customer-upload.bin');
    writeFileSync(file, fixture('vdsm-h10/request', 'inbox'));
    const { code, stdout } = await cli('decode', '--json', '--inbox', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inbox).toEqual(await api('inbox', fixture('vdsm-h10/request', 'inbox')));
  });
});
