import 'server-only';
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fromSystemError, notAVolume, unknownError } from './errors';
import { blockGeometry } from './sysfs';
import type { StatResult } from './types';

/** Regular files are read in 4096-byte blocks: the largest logical block size in common use. */
export const FILE_BLOCK_SIZE_BYTES = 4096;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'neither a file nor a device';
}

/** What a path's stat says about it as a volume: a regular file, or a block device sized from sysfs. */
export async function describeStats(path: string, stats: Stats): Promise<StatResult> {
  if (stats.isFile()) {
    return { ok: true, stat: { path, size: stats.size, blockDevice: false, blockSize: FILE_BLOCK_SIZE_BYTES } };
  }
  if (stats.isBlockDevice()) {
    const result = await blockGeometry(stats.rdev);
    if (!result.ok) return { ok: false, error: unknownError(path, result.detail, result.errno) };
    const { sizeBytes, logicalBlockSize } = result.geometry;
    return { ok: true, stat: { path, size: sizeBytes, blockDevice: true, blockSize: logicalBlockSize } };
  }
  return { ok: false, error: notAVolume(path, kindOf(stats)) };
}

/**
 * Finds out what is at `path` (following symlinks such as /dev/<vg>/inbox) without opening it.
 * A size of 0 is reported, not refused: readVolume decides what a read can do with it.
 */
export async function statVolume(path: string): Promise<StatResult> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (err) {
    return { ok: false, error: fromSystemError(path, err) };
  }
  return describeStats(path, stats);
}
