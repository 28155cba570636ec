import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromSystemError } from '@/lib/io/errors';
import { LoopDevice, probeLoopDevices } from '../support/loop-device';

const MAILBOX = 4096;
const NOBODY = 65534;
const repo = fileURLToPath(new URL('../..', import.meta.url));
const ioModule = join(repo, 'lib/io/index.ts');

/** setpriv drops to nobody with no supplementary groups: the read runs with a real non-root identity. */
function asNobody(nodeArgs: string[], env: Record<string, string> = {}) {
  return spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...nodeArgs],
    { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 },
  );
}

function probeNobody(): { ok: true } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'dropping to another user needs root' };
  const run = asNobody(['-e', 'process.stdout.write(String(process.getuid()))']);
  if (run.error) return { ok: false, reason: `setpriv is not usable: ${run.error.message}` };
  if (run.stdout !== String(NOBODY)) return { ok: false, reason: `setpriv did not run node as ${NOBODY}: ${run.stderr.trim()}` };
  return { ok: true };
}

/** The child imports lib/io through tsx; react-server makes 'server-only' the empty module it is on a server. */
const CHILD = `
const { readVolume } = await import(process.env.IO_MODULE);
const { createHash } = await import('node:crypto');
const result = await readVolume(process.env.IO_PATH, { mailboxes: Number(process.env.IO_MAILBOXES) });
process.stdout.write(JSON.stringify(result.ok
  ? { ok: true, direct: result.direct, length: result.bytes.byteLength, sha256: createHash('sha256').update(result.bytes).digest('hex') }
  : { ok: false, error: result.error }));
`;

function readAsNobody(path: string, mailboxes: number): Record<string, unknown> {
  const run = asNobody(['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', CHILD], {
    IO_MODULE: ioModule,
    IO_PATH: path,
    IO_MAILBOXES: String(mailboxes),
  });
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const nobody = probeNobody();
if (!nobody.ok) console.warn(`skipping the non-root read tests: ${nobody.reason}`);
const loops = probeLoopDevices(512);
if (!loops.ok) console.warn(`skipping the non-root block device test: ${loops.reason}`);

const dir = mkdtempSync(join(tmpdir(), 'io-perm-'));
chmodSync(dir, 0o755); // nobody must reach the files to be refused by their own mode
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!nobody.ok)('reading as a user without permission (nobody)', () => {
  it('reports a mode-000 file as permission_denied, with what to do', () => {
    const path = join(dir, 'inbox-000');
    writeFileSync(path, randomBytes(10 * MAILBOX));
    chmodSync(path, 0o000);
    expect(readAsNobody(path, 10)).toEqual({
      ok: false,
      error: {
        code: 'permission_denied',
        errno: 'EACCES',
        message: `${path}: permission denied (run as vdsm or a user in the kvm group, or as root; NFS with root_squash refuses root)`,
      },
    });
  });

  it.skipIf(!loops.ok)('reports a root-only block device as permission_denied, pointing at the disk group', () => {
    const backing = join(dir, 'volume.img');
    writeFileSync(backing, Buffer.alloc(1024 * 1024));
    const loop = LoopDevice.attach(backing, 512);
    try {
      expect(readAsNobody(loop.path, 251)).toEqual({
        ok: false,
        error: {
          code: 'permission_denied',
          errno: 'EACCES',
          message: `${loop.path}: permission denied (run as a user in the disk group, or as root)`,
        },
      });
    } finally {
      loop.detach();
    }
  });

  it('reads a mode-0444 file it cannot write', () => {
    const content = randomBytes(10 * MAILBOX);
    const path = join(dir, 'inbox-444');
    writeFileSync(path, content);
    chmodSync(path, 0o444);
    expect(readAsNobody(path, 251)).toEqual({ ok: true, direct: true, length: content.length, sha256: sha256(content) });
    expect(readFileSync(path).equals(content)).toBe(true);
  });
});

const chattr = process.getuid?.() === 0 && !spawnSync('chattr', ['--version'], { stdio: 'ignore' }).error;
if (!chattr) console.warn('skipping the EPERM mapping test: chattr is missing or we are not root');

describe('mapping real system errors', () => {
  const errorOf = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (err) {
      return err;
    }
    throw new Error('expected an error');
  };

  it.skipIf(!chattr)('maps EPERM (writing an immutable file, refused even to root) to permission_denied', () => {
    const path = join(dir, 'immutable');
    writeFileSync(path, 'x');
    execFileSync('chattr', ['+i', path]);
    try {
      const err = errorOf(() => openSync(path, 'r+'));
      expect(fromSystemError(path, err, false)).toMatchObject({ code: 'permission_denied', errno: 'EPERM' });
    } finally {
      execFileSync('chattr', ['-i', path]);
    }
  });

  it('maps EIO (reading unmapped memory through /proc/self/mem) to io_error', () => {
    const fd = openSync('/proc/self/mem', 'r');
    try {
      const err = errorOf(() => readSync(fd, Buffer.alloc(16), 0, 16, 0)); // page 0 is never mapped
      expect(fromSystemError('/dev/VG/inbox', err, true)).toEqual({
        code: 'io_error',
        errno: 'EIO',
        message: '/dev/VG/inbox: I/O error (the storage did not answer the read: check its connection, e.g. dmesg, multipath -ll, the NFS mount)',
      });
    } finally {
      closeSync(fd);
    }
  });

  it('maps EISDIR to not_a_volume and ENOENT to not_found', () => {
    expect(fromSystemError(dir, errorOf(() => readFileSync(dir)))).toMatchObject({ code: 'not_a_volume', errno: 'EISDIR' });
    const missing = join(dir, 'missing');
    expect(fromSystemError(missing, errorOf(() => readFileSync(missing)))).toMatchObject({ code: 'not_found', errno: 'ENOENT' });
  });

  it('keeps an unexpected error (ELOOP from a symlink cycle) as unknown, with its errno and message', () => {
    const a = join(dir, 'loop-a');
    symlinkSync(join(dir, 'loop-b'), a);
    symlinkSync(a, join(dir, 'loop-b'));
    const err = errorOf(() => readFileSync(a));
    expect(fromSystemError(a, err)).toEqual({
      code: 'unknown',
      errno: 'ELOOP',
      message: `${a}: unexpected error: ${(err as Error).message}`,
    });
  });
});
