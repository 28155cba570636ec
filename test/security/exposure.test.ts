/**
 * `npm start` (scripts/start.mjs) beyond loopback, in a private network
 * namespace (unshare -n) holding a made-up 10.77.0.1: nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADDRESS = '10.77.0.1';

function netnsSupport(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && ip addr add ${ADDRESS}/24 dev lo`], { encoding: 'utf8' });
  return probe.status === 0 ? { ok: true } : { ok: false, reason: `unshare -n with ip addr failed: ${probe.stderr.trim() || probe.error?.message}` };
}

/** Runs a shell script inside a fresh network namespace whose loopback also holds ADDRESS. */
function inNetns(script: string, env: Record<string, string> = {}) {
  return spawnSync('unshare', ['-n', 'bash', '-c', `set -u; ip link set lo up; ip addr add ${ADDRESS}/24 dev lo; cd "${ROOT}"; ${script}`], {
    encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, timeout: 120_000,
  });
}

/** Starts the app in the background, waits until it answers on URL, runs `then`, stops it by its PID. */
const serve = (url: string, then: string) => `
node scripts/start.mjs >"$TMPDIR_OUT/out" 2>&1 & pid=$!
for i in $(seq 1 300); do curl -s -o /dev/null "${url}" && break; kill -0 $pid 2>/dev/null || break; sleep 0.2; done
${then}
kill $pid; wait $pid 2>/dev/null; true`;

const netns = netnsSupport();
if (!netns.ok) console.warn(`skipping the bind tests: ${netns.reason}`);

describe.skipIf(!netns.ok)('listening beyond loopback', { timeout: 120_000 }, () => {
  it('refuses to start without MAILBOX_TOKEN, saying how to set it, before anything says Ready', () => {
    const run = inNetns('node scripts/start.mjs', { HOST: ADDRESS, PORT: '3111', MAILBOX_TOKEN: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`refusing to listen on ${ADDRESS} without a token`);
    expect(run.stderr).toContain('MAILBOX_TOKEN');
    expect(run.stdout).not.toMatch(/Ready|open http/);
  });

  it('with a token, refuses every request without it, and answers a script with the bearer header', () => {
    const token = 'a-test-token-of-enough-length-1234';
    const url = `http://${ADDRESS}:3112`;
    const run = inNetns(`TMPDIR_OUT=$(mktemp -d); ${serve(`${url}/login`, `
      echo "sources $(curl -s -o /dev/null -w '%{http_code}' ${url}/api/sources)"
      echo "page $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' ${url}/)"
      echo "metrics $(curl -s -o /dev/null -w '%{http_code}' ${url}/api/metrics)"
      echo "bearer $(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer ${token}' ${url}/api/sources)"
      echo "wrong $(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer not-the-token-at-all-no' ${url}/api/sources)"
      echo "login $(curl -s -o /dev/null -D - -X POST -H 'Origin: ${url}' --data 'token=${token}&next=/learn' ${url}/api/login | tr -d '\\r' | grep -i '^set-cookie:' | tr '\\n' ' ')"
      cookie=$(curl -s -o /dev/null -D - -X POST --data 'token=${token}' ${url}/api/login | tr -d '\\r' | sed -n 's/^[Ss]et-[Cc]ookie: \\([^;]*\\).*/\\1/p')
      echo "cookie $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" ${url}/api/sources)"
      cat "$TMPDIR_OUT/out" >&2`)}`, { HOST: ADDRESS, PORT: '3112', MAILBOX_TOKEN: token });
    const lines = Object.fromEntries(run.stdout.trim().split('\n').map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]));
    expect(lines, run.stderr).toMatchObject({ sources: '401', metrics: '401', bearer: '200', wrong: '401', cookie: '200' });
    expect(lines.page).toMatch(/^303 .*\/login\?next=%2F$/);
    expect(lines.login).toMatch(/mailbox_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(lines.login).not.toContain(token);
  });

  it('lets Prometheus scrape /api/metrics without the token only when MAILBOX_METRICS_PUBLIC=1', () => {
    const url = `http://${ADDRESS}:3113`;
    const run = inNetns(`TMPDIR_OUT=$(mktemp -d); ${serve(`${url}/login`, `
      echo "metrics $(curl -s -o /dev/null -w '%{http_code}' ${url}/api/metrics)"
      echo "sources $(curl -s -o /dev/null -w '%{http_code}' ${url}/api/sources)"`)}`,
    { HOST: ADDRESS, PORT: '3113', MAILBOX_TOKEN: 'another-test-token-long-enough', MAILBOX_METRICS_PUBLIC: '1' });
    expect(run.stdout, run.stderr).toContain('metrics 200');
    expect(run.stdout).toContain('sources 401');
  });

  it("HOST='' listens on 127.0.0.1 only, as if unset", () => {
    const run = inNetns(`TMPDIR_OUT=$(mktemp -d); ${serve('http://127.0.0.1:3114/api/sources', `
      echo "loopback $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:3114/api/sources)"
      echo "other $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 http://${ADDRESS}:3114/api/sources)"`)}`,
    { HOST: '', PORT: '3114', MAILBOX_TOKEN: '' });
    expect(run.stdout, run.stderr).toContain('loopback 200');
    expect(run.stdout).toContain('other 000');
  });
});

describe('bad configuration', { timeout: 120_000 }, () => {
  it.each([['MAILBOX_MAX_HOST_ID', '0x10'], ['MAILBOX_MAX_HOST_ID', '1e308'], ['MAILBOX_MAX_HOST_ID', '4096'], ['MAILBOX_POLL_MS', '5e2']])(
    'npm start with %s=%s prints the error and exits non-zero, never saying Ready or open http', (name, value) => {
      const run = spawnSync('node', ['scripts/start.mjs'], {
        cwd: ROOT, encoding: 'utf8', timeout: 120_000,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: '3115', [name]: value },
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`${name}=${JSON.stringify(value)}: expected a whole number`);
      expect(run.stdout).not.toMatch(/Ready|open http/);
    });

  it('npm start with a bad MAILBOX_HOST_NAMES prints the parser\'s message and exits non-zero, never saying Ready', () => {
    const run = spawnSync('node', ['scripts/start.mjs'], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: '3116', MAILBOX_SOURCES: 'none', MAILBOX_HOST_NAMES: '1=hv-a,7=' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('MAILBOX_HOST_NAMES: entry "7=": expected a name of 1-63 letters');
    expect(run.stdout).not.toMatch(/Ready|open http/);
  });
});
