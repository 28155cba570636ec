import 'server-only';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** sysfs counts a block device's size in 512-byte units whatever its logical block size. */
const SYSFS_SECTOR_BYTES = 512;

export interface DeviceNumbers {
  major: number;
  minor: number;
}

/**
 * Splits a Linux dev_t as glibc's major()/minor() do: 12 low bits of the major at 8..19 and
 * the rest from bit 44; 8 low bits of the minor at 0..7 and the rest from bit 20. BigInt
 * because JavaScript's shift operators work on 32 bits only.
 */
export function deviceNumbers(rdev: number | bigint): DeviceNumbers {
  const dev = BigInt(rdev);
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & 0xfffff000n);
  const minor = (dev & 0xffn) | ((dev >> 12n) & 0xffffff00n);
  return { major: Number(major), minor: Number(minor) };
}

export interface BlockGeometry {
  sizeBytes: number;
  logicalBlockSize: number;
}

export type GeometryResult = { ok: true; geometry: BlockGeometry } | { ok: false; detail: string; errno?: string };

async function readNumber(file: string): Promise<number> {
  const value = Number((await readFile(file, 'utf8')).trim());
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${file}: expected a number`);
  return value;
}

/** A partition has no queue/ of its own: its logical block size is its disk's. */
async function logicalBlockSize(deviceDir: string): Promise<number> {
  try {
    return await readNumber(join(deviceDir, 'queue', 'logical_block_size'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // resolve the symlink first: join() would fold "/sys/dev/block/259:0/.." lexically to /sys/dev/block
    const parent = dirname(await realpath(deviceDir));
    return readNumber(join(parent, 'queue', 'logical_block_size'));
  }
}

/**
 * Size and logical block size of a block device from /sys/dev/block/MAJ:MIN. The addon's
 * getBlockDevice cannot serve here: it fails on loop devices.
 */
export async function blockGeometry(rdev: number | bigint): Promise<GeometryResult> {
  const { major, minor } = deviceNumbers(rdev);
  const deviceDir = `/sys/dev/block/${major}:${minor}`;
  try {
    const sectors = await readNumber(join(deviceDir, 'size'));
    const blockSize = await logicalBlockSize(deviceDir);
    if (blockSize < SYSFS_SECTOR_BYTES || (blockSize & (blockSize - 1)) !== 0) {
      return { ok: false, detail: `${deviceDir}: expected a power-of-two logical block size, got ${blockSize}` };
    }
    return { ok: true, geometry: { sizeBytes: sectors * SYSFS_SECTOR_BYTES, logicalBlockSize: blockSize } };
  } catch (err) {
    const errno = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errno,
      detail: `cannot read the size of block device ${major}:${minor} from ${deviceDir} (is /sys mounted? ${(err as Error).message})`,
    };
  }
}
