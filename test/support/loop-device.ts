/** Real loop block devices for the reader's tests: attach a file, optionally add a partition, always detach. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function errorText(err: unknown): string {
  const stderr = (err as { stderr?: string }).stderr?.trim();
  return stderr || (err as Error).message;
}

export class LoopDevice {
  private readonly partitions: number[] = [];
  private attached = true;

  private constructor(readonly path: string) {}

  /** Attaches `file` with the given logical sector size (losetup -b) on the first free /dev/loopN. */
  static attach(file: string, sectorSize: number): LoopDevice {
    return new LoopDevice(run('losetup', ['-b', String(sectorSize), '-f', '--show', file]));
  }

  /**
   * Adds partition `n` (start and length in 512-byte sectors) with BLKPG (addpart), which needs no
   * partition-table parser in the kernel, and waits for devtmpfs to create /dev/loopNpM.
   */
  addPartition(n: number, startSectors: number, lengthSectors: number): string {
    run('addpart', [this.path, String(n), String(startSectors), String(lengthSectors)]);
    this.partitions.push(n);
    const path = `${this.path}p${n}`;
    const deadline = Date.now() + 5_000;
    while (!existsSync(path)) {
      if (Date.now() > deadline) throw new Error(`${path} did not appear after addpart`);
      execFileSync('sleep', ['0.05']);
    }
    return path;
  }

  /** Removes added partitions (losetup -d leaves BLKPG ones behind), then detaches. Safe to call twice. */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    for (const n of this.partitions) {
      try {
        run('delpart', [this.path, String(n)]);
      } catch (err) {
        console.warn(`delpart ${this.path} ${n}: ${errorText(err)}`);
      }
    }
    run('losetup', ['-d', this.path]);
  }
}

export type Support = { ok: true } | { ok: false; reason: string };

/** Whether a loop device with this sector size (and a BLKPG partition) can be made here; why not if not. */
export function probeLoopDevices(sectorSize: number, withPartition = false): Support {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'loop devices need root' };
  const dir = mkdtempSync(join(tmpdir(), 'loop-probe-'));
  const file = join(dir, 'probe.img');
  let loop: LoopDevice | undefined;
  try {
    writeFileSync(file, Buffer.alloc(1024 * 1024));
    loop = LoopDevice.attach(file, sectorSize);
    if (withPartition) loop.addPartition(1, 256, 256);
    return { ok: true };
  } catch (err) {
    const what = `losetup -b ${sectorSize}${withPartition ? ' and addpart' : ''}`;
    return { ok: false, reason: `${what} failed: ${errorText(err)}` };
  } finally {
    try {
      loop?.detach();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
