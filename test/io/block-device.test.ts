import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVolume, statVolume } from '@/lib/io';
import { deviceNumbers } from '@/lib/io/sysfs';
import { LoopDevice, probeLoopDevices } from '../support/loop-device';

const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as typeof import('@ronomon/direct-io');

const MAILBOX = 4096;
const VOLUME = 16 * 1024 * 1024;
const WINDOW = 251 * MAILBOX; // maxHostId 250, plus mailbox 0

const support = {
  512: probeLoopDevices(512),
  4096: probeLoopDevices(4096),
  8192: probeLoopDevices(8192),
  partition: probeLoopDevices(4096, true),
};
for (const [what, s] of Object.entries(support)) {
  if (!s.ok) console.warn(`skipping the loop device test (${what}): ${s.reason}`);
}

const dir = mkdtempSync(join(tmpdir(), 'io-block-'));
const backing = join(dir, 'volume.img');
const content = randomBytes(VOLUME);
writeFileSync(backing, content);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Attaches, runs, and always detaches, even when an expectation fails. */
async function withLoop(sectorSize: number, body: (loop: LoopDevice) => Promise<void>): Promise<void> {
  const loop = LoopDevice.attach(backing, sectorSize);
  try {
    await body(loop);
  } finally {
    loop.detach();
  }
}

describe('loop block devices', () => {
  for (const sectorSize of [512, 4096] as const) {
    it.skipIf(!support[sectorSize].ok)(`reads a ${sectorSize}-byte-sector device directly, sized from sysfs`, async () => {
      await withLoop(sectorSize, async (loop) => {
        const stat = { path: loop.path, size: VOLUME, blockDevice: true, blockSize: sectorSize };
        expect(await statVolume(loop.path)).toEqual({ ok: true, stat });
        const result = await readVolume(loop.path, { mailboxes: 251 });
        if (!result.ok) throw new Error(result.error.message);
        expect(result.stat).toEqual(stat);
        expect(result.direct).toBe(true);
        expect(result.warnings).toEqual([]);
        expect(result.bytes.byteLength).toBe(WINDOW);
        expect(Buffer.from(result.bytes).equals(content.subarray(0, WINDOW))).toBe(true);
      });
    });
  }

  it.skipIf(!support[8192].ok)('rounds the read up to an 8192-byte sector and still returns whole mailboxes only', async () => {
    await withLoop(8192, async (loop) => {
      // control: on this device a one-mailbox direct read is misaligned
      const fd = openSync(loop.path, constants.O_RDONLY | directIo.O_DIRECT);
      try {
        expect(() => readSync(fd, directIo.getAlignedBuffer(8192, 8192), 0, MAILBOX, 0)).toThrow(
          expect.objectContaining({ code: 'EINVAL' }),
        );
      } finally {
        closeSync(fd);
      }
      for (const mailboxes of [1, 3]) {
        const result = await readVolume(loop.path, { mailboxes });
        if (!result.ok) throw new Error(result.error.message);
        expect(result.stat.blockSize).toBe(8192);
        expect(result.direct).toBe(true);
        expect(result.bytes.byteLength).toBe(mailboxes * MAILBOX);
        expect(Buffer.from(result.bytes).equals(content.subarray(0, mailboxes * MAILBOX))).toBe(true);
      }
    });
  });

  it.skipIf(!support.partition.ok)("takes a partition's logical block size from its disk's queue", async () => {
    await withLoop(4096, async (loop) => {
      const startSectors = 2048; // 1 MiB in, in 512-byte units as BLKPG counts
      const part = loop.addPartition(1, startSectors, VOLUME / 2 / 512);
      const { major, minor } = deviceNumbers(statSync(part).rdev);
      expect(existsSync(`/sys/dev/block/${major}:${minor}/queue`)).toBe(false); // so the fallback is what ran

      const result = await readVolume(part, { mailboxes: 251 });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.stat).toEqual({ path: part, size: VOLUME / 2, blockDevice: true, blockSize: 4096 });
      expect(result.direct).toBe(true);
      const start = startSectors * 512;
      expect(Buffer.from(result.bytes).equals(content.subarray(start, start + WINDOW))).toBe(true);
    });
  });

  it.skipIf(!support[512].ok)('follows a symlink to the device, as /dev/<vg>/inbox is one', async () => {
    await withLoop(512, async (loop) => {
      const link = join(dir, 'inbox');
      symlinkSync(loop.path, link);
      try {
        const result = await readVolume(link, { mailboxes: 2 });
        expect(result.ok && result.stat.blockDevice && Buffer.from(result.bytes).equals(content.subarray(0, 2 * MAILBOX))).toBe(true);
      } finally {
        rmSync(link);
      }
    });
  });
});

const canMknod = process.getuid?.() === 0;
if (!canMknod) console.warn('skipping the device-number tests: mknod needs root');

describe.skipIf(!canMknod)('device numbers from stat.rdev', () => {
  /** Device nodes made with mknod, decoded from what the kernel reports back in stat. */
  it.each([
    [7, 0],
    [8, 17],
    [259, 70_000], // minor beyond 8 bits: the high part sits at bits 20..
    [4095, 256],
    [254, 1_048_575], // the largest minor (20 bits)
  ])('decodes %i:%i', (major, minor) => {
    const node = join(dir, `node-${major}-${minor}`);
    execFileSync('mknod', [node, 'b', String(major), String(minor)]);
    try {
      expect(deviceNumbers(statSync(node).rdev)).toEqual({ major, minor });
      expect(deviceNumbers(statSync(node, { bigint: true }).rdev)).toEqual({ major, minor });
    } finally {
      rmSync(node);
    }
  });

  it('reports a device node with nothing behind it as unknown, naming the sysfs path', async () => {
    const node = join(dir, 'ghost');
    execFileSync('mknod', [node, 'b', '7', '1048000']);
    try {
      const result = await statVolume(node);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown', errno: 'ENOENT' } });
      expect(!result.ok && result.error.message).toContain(`${node}: cannot read the size of block device 7:1048000 from /sys/dev/block/7:1048000`);
    } finally {
      rmSync(node);
    }
  });
});
