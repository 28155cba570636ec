import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVolume } from '@/lib/io';
import { readWindow, refusesDirectIo } from '@/lib/io/read-window';

const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as typeof import('@ronomon/direct-io');

const MAILBOX = 4096;
const EXT4_SUPER_MAGIC = 0xef53;
const TMPFS_MAGIC = 0x01021994;
const RAMFS_MAGIC = 0x858458f6;

function errorOf(fn: () => unknown): NodeJS.ErrnoException | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/** What this kernel's file system at `path` does with O_DIRECT, found by trying it. */
function directBehaviour(path: string): { open: string; misalignedRead: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | directIo.O_DIRECT);
  } catch (err) {
    return { open: (err as NodeJS.ErrnoException).code ?? 'error', misalignedRead: 'not tried' };
  }
  try {
    const buffer = directIo.getAlignedBuffer(MAILBOX, MAILBOX);
    const err = errorOf(() => readSync(fd, buffer, 0, 100, 0));
    return { open: 'accepted', misalignedRead: err ? (err.code ?? 'error') : 'accepted' };
  } finally {
    closeSync(fd);
  }
}

const base = tmpdir();
const ext4Dir = statfsSync(base).type === EXT4_SUPER_MAGIC ? mkdtempSync(join(base, 'io-fallback-')) : null;
if (!ext4Dir) console.warn(`skipping the read-time fallback tests: ${base} is not ext4`);
const shm = '/dev/shm';
const shmIsTmpfs = (() => {
  try {
    return statfsSync(shm).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
})();
if (!shmIsTmpfs) console.warn(`skipping the tmpfs test: ${shm} is not a tmpfs`);

afterAll(() => {
  if (ext4Dir) rmSync(ext4Dir, { recursive: true, force: true });
});

describe.skipIf(!shmIsTmpfs)('tmpfs (/dev/shm)', () => {
  const path = join(shm, `mailbox-inspector-io-${process.pid}.bin`);
  afterAll(() => rmSync(path, { force: true }));

  it('returns the right bytes with a direct flag that matches what the kernel did', async () => {
    const content = randomBytes(10 * MAILBOX);
    writeFileSync(path, content);
    const behaviour = directBehaviour(path);
    console.info(`tmpfs and O_DIRECT on this kernel: open ${behaviour.open}, 100-byte direct read ${behaviour.misalignedRead}`);

    const result = await readVolume(path, { mailboxes: 10 });
    if (!result.ok) throw new Error(result.error.message);
    expect(Buffer.from(result.bytes).equals(content)).toBe(true);
    // tmpfs accepts O_DIRECT since Linux 6.6 (and then ignores alignment); before, open failed with EINVAL.
    expect(result.direct).toBe(behaviour.open === 'accepted');
    expect(result.warnings.length).toBe(result.direct ? 0 : 1);
  });
});

/** ramfs has no direct-I/O support at all: open(O_DIRECT) fails with EINVAL, a real refusal. */
function mountRamfs(): { dir: string } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting ramfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'io-ramfs-'));
  try {
    execFileSync('mount', ['-t', 'ramfs', 'ramfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `mount -t ramfs failed: ${(err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message}` };
  }
}

const ramfs = mountRamfs();
if ('reason' in ramfs) console.warn(`skipping the ramfs fallback test: ${ramfs.reason}`);

describe.skipIf('reason' in ramfs)('a file system that refuses O_DIRECT (ramfs)', () => {
  const dir = 'dir' in ramfs ? ramfs.dir : '';
  afterAll(() => {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to a buffered read after EINVAL on open and reports direct: false', async () => {
    expect(statfsSync(dir).type).toBe(RAMFS_MAGIC);
    const path = join(dir, 'inbox');
    const content = randomBytes(41_000);
    writeFileSync(path, content);
    expect(directBehaviour(path).open).toBe('EINVAL'); // control: the refusal is real

    const result = await readVolume(path, { mailboxes: 251 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.direct).toBe(false);
    expect(Buffer.from(result.bytes).equals(content.subarray(0, 40_960))).toBe(true);
    expect(result.warnings).toContain(
      'O_DIRECT was refused (EINVAL on open): read through the page cache instead, which may hold bytes that are not (or no longer) on the storage',
    );
  });
});

describe.skipIf(!ext4Dir)('a direct read refused at read time', () => {
  let path = '';
  let content: Buffer;
  beforeAll(() => {
    content = randomBytes(2 * MAILBOX);
    path = join(ext4Dir!, 'inbox');
    writeFileSync(path, content);
  });

  it('retries buffered after EINVAL on read (a 100-byte length ext4 will not do directly)', async () => {
    expect(directBehaviour(path)).toEqual({ open: 'accepted', misalignedRead: 'EINVAL' }); // control
    const result = await readWindow(path, 100, MAILBOX, false);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.read.direct).toBe(false);
    expect(result.read.bytesRead).toBe(100);
    expect(result.read.buffer.subarray(0, 100).equals(content.subarray(0, 100))).toBe(true);
    expect(result.read.warnings[0]).toMatch(/^O_DIRECT was refused \(EINVAL on read\)/);
  });

  it('reads directly when the length is aligned', async () => {
    const result = await readWindow(path, 2 * MAILBOX, MAILBOX, false);
    expect(result.ok && result.read.direct && result.read.buffer.equals(content)).toBe(true);
  });

  it('treats only EINVAL as a refusal of direct I/O', () => {
    const fd = openSync(path, constants.O_RDONLY | directIo.O_DIRECT);
    let einval: NodeJS.ErrnoException | undefined;
    try {
      einval = errorOf(() => readSync(fd, directIo.getAlignedBuffer(MAILBOX, MAILBOX), 1, 100, 0));
    } finally {
      closeSync(fd);
    }
    const enoent = errorOf(() => openSync(join(ext4Dir!, 'missing'), constants.O_RDONLY | directIo.O_DIRECT));
    const dirFd = openSync(ext4Dir!, constants.O_RDONLY);
    let eisdir: NodeJS.ErrnoException | undefined;
    try {
      eisdir = errorOf(() => readSync(dirFd, Buffer.alloc(1)));
    } finally {
      closeSync(dirFd);
    }
    expect([einval?.code, enoent?.code, eisdir?.code]).toEqual(['EINVAL', 'ENOENT', 'EISDIR']);
    expect(refusesDirectIo(einval)).toBe(true);
    expect(refusesDirectIo(enoent)).toBe(false);
    expect(refusesDirectIo(eisdir)).toBe(false);
  });
});
