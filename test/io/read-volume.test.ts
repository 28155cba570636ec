import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  constants, chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statfsSync, statSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readVolume, statVolume } from '@/lib/io';

const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as typeof import('@ronomon/direct-io');

const MAILBOX = 4096;
const VOLUME = 16 * 1024 * 1024;
const EXT4_SUPER_MAGIC = 0xef53;

/** O_DIRECT alignment is enforced on ext4, so the tests of the aligned path mean something there. */
function ext4TempDir(): string | null {
  const repoTmp = fileURLToPath(new URL('../../test-results/tmp', import.meta.url));
  for (const base of [tmpdir(), repoTmp]) {
    mkdirSync(base, { recursive: true });
    if (statfsSync(base).type === EXT4_SUPER_MAGIC) return mkdtempSync(join(base, 'io-read-'));
  }
  return null;
}

const dir = ext4TempDir();
if (!dir) console.warn('skipping the ext4 reader tests: neither os.tmpdir() nor test-results/tmp is on ext4');
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function volume(bytes: Uint8Array, name = `volume-${++seq}.bin`): string {
  const path = join(dir!, name);
  writeFileSync(path, bytes);
  return path;
}

describe.skipIf(!dir)('reading a regular file on ext4', () => {
  it('returns the exact bytes of the window with direct: true', async () => {
    const content = randomBytes(VOLUME);
    const path = volume(content);
    const result = await readVolume(path, { mailboxes: 251 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.direct).toBe(true);
    expect(result.stat).toEqual({ path, size: VOLUME, blockDevice: false, blockSize: 4096 });
    expect(result.bytes).toBeInstanceOf(Uint8Array);
    expect(result.bytes.byteLength).toBe(251 * MAILBOX);
    expect(Buffer.from(result.bytes).equals(content.subarray(0, 251 * MAILBOX))).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.readMs).toBeGreaterThanOrEqual(0);
  });

  it('fails a misaligned direct read with EINVAL, so the aligned read above really was direct', () => {
    const path = volume(randomBytes(2 * MAILBOX));
    const direct = openSync(path, constants.O_RDONLY | directIo.O_DIRECT);
    try {
      const aligned = directIo.getAlignedBuffer(2 * MAILBOX, MAILBOX);
      expect(readSync(direct, aligned, 0, MAILBOX, 0)).toBe(MAILBOX); // control: aligned works
      expect(() => readSync(direct, aligned, 0, 100, 0)).toThrow(expect.objectContaining({ code: 'EINVAL' })); // length
      expect(() => readSync(direct, aligned, 1, MAILBOX, 0)).toThrow(expect.objectContaining({ code: 'EINVAL' })); // address
      expect(() => readSync(direct, aligned, 0, MAILBOX, 1)).toThrow(expect.objectContaining({ code: 'EINVAL' })); // offset
    } finally {
      closeSync(direct);
    }
  });
});

describe.skipIf(!dir)('the window: whole mailboxes only', () => {
  it('refuses an empty file as empty', async () => {
    const path = volume(new Uint8Array(0));
    const result = await readVolume(path, { mailboxes: 251 });
    expect(result).toMatchObject({ ok: false, error: { code: 'empty' }, stat: { size: 0 } });
    expect(!result.ok && result.error.message).toContain(`${path}: the volume is empty`);
  });

  it.each([100, 4095])('refuses a %i-byte file as too small for one mailbox', async (size) => {
    const path = volume(randomBytes(size));
    const result = await readVolume(path, { mailboxes: 251 });
    expect(result).toMatchObject({ ok: false, error: { code: 'too_small' } });
    expect(!result.ok && result.error.message).toBe(
      `${path}: the volume is ${size.toLocaleString('en-US')} bytes, less than one 4,096-byte mailbox (a truncated copy, or not a mailbox volume?)`,
    );
  });

  it('reads a single 4096-byte mailbox', async () => {
    const content = randomBytes(MAILBOX);
    const result = await readVolume(volume(content), { mailboxes: 1 });
    expect(result.ok && Buffer.from(result.bytes).equals(content)).toBe(true);
  });

  it('reads 10 whole mailboxes of a 41,000-byte file and says the last 40 bytes were not read', async () => {
    const content = randomBytes(41_000);
    const result = await readVolume(volume(content), { mailboxes: 10 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.bytes.byteLength).toBe(40_960);
    expect(Buffer.from(result.bytes).equals(content.subarray(0, 40_960))).toBe(true);
    expect(result.warnings).toEqual([
      'volume is 41,000 bytes: 10 whole mailboxes, the last 40 bytes (a partial mailbox) were not read',
    ]);
  });

  it('caps a window larger than the file to the mailboxes it holds, and says so', async () => {
    const content = randomBytes(10 * MAILBOX);
    const result = await readVolume(volume(content), { mailboxes: 251 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.bytes.byteLength).toBe(10 * MAILBOX);
    expect(Buffer.from(result.bytes).equals(content)).toBe(true);
    expect(result.warnings).toEqual(['asked for 251 mailboxes (1,028,096 bytes), the volume holds 10: read those 10']);
  });

  it('reads only the window from a larger file, without warnings', async () => {
    const content = randomBytes(VOLUME + 40); // a trailing partial mailbox past the window is no concern
    const result = await readVolume(volume(content), { mailboxes: 11 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.bytes.byteLength).toBe(11 * MAILBOX);
    expect(Buffer.from(result.bytes).equals(content.subarray(0, 11 * MAILBOX))).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws on a caller mistake: mailboxes = %s', async (mailboxes) => {
    await expect(readVolume(volume(randomBytes(MAILBOX)), { mailboxes })).rejects.toThrow(RangeError);
  });
});

/** sysfs attributes stat as 4096 bytes and read as a few: a real short read. */
const sysfsAttribute = ['/sys/devices/system/cpu/online', '/sys/kernel/uevent_seqnum'].find((p) => {
  try {
    return statSync(p).size === MAILBOX;
  } catch {
    return false;
  }
});
if (!sysfsAttribute) console.warn('skipping the short read test: no 4096-byte sysfs attribute here');

describe.skipIf(!dir)('failures are results with a stable code and a message naming the path', () => {
  it('reports a missing file as not_found, with what to check', async () => {
    const path = join(dir!, 'no-such-domain', 'dom_md', 'inbox');
    expect(await readVolume(path, { mailboxes: 251 })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        errno: 'ENOENT',
        message: `${path}: no such file (is the storage domain mounted? check the path in MAILBOX_SOURCES)`,
      },
    });
  });

  it('reports a missing device path as not_found, pointing at the VG', async () => {
    const path = `/dev/no-such-vg-${process.pid}/inbox`;
    expect(await readVolume(path, { mailboxes: 251 })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        errno: 'ENOENT',
        message: `${path}: no such device (is the domain's VG active? lvs shows its LVs; check the path in MAILBOX_SOURCES)`,
      },
    });
  });

  it('reports a path through a regular file (ENOTDIR) as not_found', async () => {
    const path = join(volume(randomBytes(MAILBOX)), 'inbox');
    expect(await readVolume(path, { mailboxes: 1 })).toMatchObject({ ok: false, error: { code: 'not_found', errno: 'ENOTDIR' } });
  });

  it('refuses a directory as not_a_volume', async () => {
    const result = await statVolume(dir!);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_volume' } });
    expect(!result.ok && result.error.message).toMatch(new RegExp(`^${dir}: is a directory, not a regular file or block device`));
  });

  it('refuses a character device (/dev/null) as not_a_volume', async () => {
    const result = await readVolume('/dev/null', { mailboxes: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_volume' } });
    expect(!result.ok && result.error.message).toContain('/dev/null: is a character device');
  });

  it('refuses a FIFO without opening it (opening would block)', async () => {
    const fifo = join(dir!, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await readVolume(fifo, { mailboxes: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_volume' } });
    expect(!result.ok && result.error.message).toContain(`${fifo}: is a FIFO`);
  });

  it.skipIf(!sysfsAttribute)('reports fewer bytes than the size promised as short_read (a sysfs file: stat says 4096, read gives a few)', async () => {
    const path = sysfsAttribute!;
    const got = readFileSync(path).length;
    const result = await readVolume(path, { mailboxes: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'short_read' }, stat: { size: MAILBOX } });
    expect(!result.ok && result.error.message).toBe(
      `${path}: short read: asked for 4,096 bytes, got ${got} (did the volume shrink or go away? the next read will tell)`,
    );
  });

  it('stats a regular file without reading it', async () => {
    const path = volume(randomBytes(41_000));
    expect(await statVolume(path)).toEqual({ ok: true, stat: { path, size: 41_000, blockDevice: false, blockSize: 4096 } });
  });
});

const chattr = process.getuid?.() === 0 && !spawnSync('chattr', ['--version'], { stdio: 'ignore' }).error;
if (!chattr) console.warn('skipping the immutable-file test: chattr is missing or we are not root');

describe.skipIf(!dir)('the reader never writes', () => {
  it('leaves bytes, mtime and ctime unchanged over 200 reads', async () => {
    const content = randomBytes(VOLUME);
    const path = volume(content);
    const before = statSync(path, { bigint: true });
    for (let i = 0; i < 200; i++) {
      const result = await readVolume(path, { mailboxes: 251 });
      expect(result.ok).toBe(true);
    }
    const after = statSync(path, { bigint: true });
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(after.ctimeNs).toBe(before.ctimeNs);
    expect(after.size).toBe(before.size);
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it('reads a mode-0444 file', async () => {
    const content = randomBytes(10 * MAILBOX);
    const path = volume(content);
    chmodSync(path, 0o444);
    const result = await readVolume(path, { mailboxes: 10 });
    expect(result.ok && result.direct && Buffer.from(result.bytes).equals(content)).toBe(true);
  });

  it.skipIf(!chattr)('reads an immutable file, which no one (not even root) may open for writing', async () => {
    const content = randomBytes(10 * MAILBOX);
    const path = volume(content);
    execFileSync('chattr', ['+i', path]);
    try {
      expect(() => openSync(path, 'r+')).toThrow(expect.objectContaining({ code: 'EPERM' })); // control
      const result = await readVolume(path, { mailboxes: 10 });
      expect(result.ok && result.direct && Buffer.from(result.bytes).equals(content)).toBe(true);
    } finally {
      execFileSync('chattr', ['-i', path]);
    }
  });
});
