/**
 * `npm run package` makes one archive that runs on its own: built here,
 * unpacked into an empty temporary directory, started with its start script
 * in a minimal environment (when this user may mount: in a private mount
 * namespace with the repository hidden under an empty tmpfs, so nothing can
 * come from node_modules or .next here, and the unpacked directory read-only,
 * as under the unit's ProtectSystem=strict), it serves the page and its
 * assets and reads a configured source through the native addon. The systemd
 * unit is checked with systemd-analyze verify against the unpacked start script.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcesResponse } from '@/lib/api/types';
import { makePool, type TestPool } from '../support/pool';
import { parseExposition } from '../support/prom-text';
import { fetchAnswer, freePort } from '../support/server';
import { CORRUPT_HOST, corruptMailbox } from './fleet-pool';

const ROOT = path.resolve(import.meta.dirname, '../..');

let work: string;
let pool: TestPool;
let child: ChildProcess | null = null;
let log = '';
let url = '';
let isolated = false;

/** Shell that hides the repository and makes `app` read-only, in the mount namespace it runs in. */
const isolate = (app: string) =>
  `mount -t tmpfs none "${ROOT}" && mount --bind "${app}" "${app}" && mount -o remount,bind,ro "${app}"`;

/** Whether this process may make a private mount namespace and isolate `app` in it. */
function canIsolate(app: string): boolean {
  const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `${isolate(app)} && test ! -e "${ROOT}/package.json" && ! touch "${app}/x"`]);
  return probe.status === 0;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'package-test-'));
  // npm test builds the archive before the tests run (not beside them: a build on 2 cores would slow the others).
  let archive = process.env.MAILBOX_PACKAGE_ARCHIVE;
  if (!archive) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', path.join(work, 'out')], { cwd: ROOT, stdio: 'pipe' });
    archive = path.join(work, 'out', readdirSync(path.join(work, 'out'))[0]);
  }
  const unpacked = path.join(work, 'host');
  execFileSync('mkdir', [unpacked]);
  execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
  pool = makePool({ mailboxes: 11, inbox: { [CORRUPT_HOST]: corruptMailbox() } });

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const app = path.join(unpacked, 'mailbox-inspector');
  const start = path.join(app, 'start.sh');
  isolated = canIsolate(app);
  if (!isolated) console.warn('package test: cannot make a private mount (not root?): the repository stays visible to the server');
  const [cmd, args] = isolated
    ? ['unshare', ['-m', '--propagation', 'private', 'sh', '-c', `${isolate(app)} && exec "$0"`, start]]
    : [start, []];
  // A minimal environment: what a systemd unit would give it.
  const server = spawn(cmd as string, args as string[], {
    cwd: '/',
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NODE: process.execPath, NODE_ENV: 'production',
      HOST: '127.0.0.1', PORT: String(port), MAILBOX_SOURCES: `pool=${pool.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = server;
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error(`the packaged server exited with ${server.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/api/sources`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the packaged server did not answer within 60 s:\n${log}`);
}, 600_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child!.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  pool?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged archive', () => {
  it('holds the server, its static assets, the native addon and a start script, and no test data', () => {
    const app = path.join(work, 'host', 'mailbox-inspector');
    for (const file of ['server.js', 'start.sh', 'node_modules/@ronomon/direct-io/binding.node', 'deploy/systemd/mailbox-inspector.service']) {
      expect(statSync(path.join(app, file)).isFile(), file).toBe(true);
    }
    expect(readdirSync(path.join(app, '.next-package', 'static')).length).toBeGreaterThan(0);
    expect(readdirSync(app)).not.toContain('test');
  });

  it('starts in an empty directory and reads the configured source with O_DIRECT', async () => {
    const sources = await fetchAnswer<SourcesResponse>({ url }, '/api/sources');
    expect(sources.status).toBe(200);
    expect(sources.body.sources).toMatchObject([{ id: 'pool', demo: false, inbox: { path: pool.inbox, direct: true } }]);
    const snapshot = await fetchAnswer<{ hosts: Array<{ id: number; inbox: { state: string } }> }>({ url }, '/api/sources/pool/snapshot');
    expect(snapshot.body.hosts.find((h) => h.id === CORRUPT_HOST)?.inbox.state).toBe('checksum_mismatch');
    const metrics = parseExposition((await fetchAnswer({ url }, '/api/metrics')).text);
    expect(metrics.value('mailbox_reads_total', { source: 'pool' })).toBeGreaterThan(0);
  });

  it('serves the page and the assets it links to', async () => {
    const page = await fetchAnswer<null>({ url }, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Mailbox Inspector');
    const format = await fetchAnswer<null>({ url }, '/learn/format');
    expect(format.status).toBe(200);
    expect(format.text).toContain('checksum'); // the format reference travels with the package
    const assets = [...page.text.matchAll(/\/_next\/static\/[^"'\s]+\.(?:js|css)/g)].map((m) => m[0]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.slice(0, 5)) expect((await fetch(url + asset)).status, asset).toBe(200);
    expect(log).not.toMatch(/EROFS|EACCES/);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('ships a systemd unit that systemd-analyze verifies against the unpacked start script', () => {
    const app = path.join(work, 'host', 'mailbox-inspector');
    const unit = readFileSync(path.join(app, 'deploy/systemd/mailbox-inspector.service'), 'utf8');
    expect(unit).toMatch(/^ProtectSystem=strict$/m);
    expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
    expect(unit).toMatch(/^ReadOnlyPaths=\/dev -\/rhev$/m);
    expect(unit).toMatch(/^Environment=HOST=127\.0\.0\.1 /m);
    const dir = path.join(work, 'unit');
    execFileSync('mkdir', [dir]);
    writeFileSync(path.join(dir, 'mailbox-inspector.service'), unit.replaceAll('/opt/mailbox-inspector', app));
    const verify = spawnSync('systemd-analyze', ['verify', path.join(dir, 'mailbox-inspector.service')], { encoding: 'utf8' });
    expect(verify.stderr + verify.stdout).toBe('');
    expect(verify.status).toBe(0);
  });
});
