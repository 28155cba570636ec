/**
 * A FUSE mount (test/support/hang-fs.py) whose reads hang while `hang()` is on:
 * storage that stops answering, for the reader's and the server's tests.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'hang-fs.py');
const PYTHON = '/usr/bin/python3'; // Debian's, which has python3-fusepy

export type Support = { ok: true } | { ok: false; reason: string };

/** Whether a FUSE file system can be mounted here, and why not if not. */
export function hangFsSupport(): Support {
  if (!existsSync('/dev/fuse')) return { ok: false, reason: '/dev/fuse is missing (no FUSE in this kernel or container)' };
  const probe = spawnSync(PYTHON, ['-c', 'import fusepy'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, reason: `python3-fusepy is not installed (${probe.stderr?.trim() || probe.error?.message})` };
  if (!existsSync('/usr/bin/fusermount') && !existsSync('/usr/bin/fusermount3')) return { ok: false, reason: 'fuse3 (fusermount) is not installed' };
  return { ok: true };
}

export class HangFs {
  private constructor(
    readonly dir: string,
    readonly mountpoint: string,
    private readonly backing: string,
    private readonly control: string,
    private readonly child: ChildProcess,
    private log: () => string,
  ) {}

  /** Mounts `files` (name → bytes) read-only; reads answer until hang() is called. */
  static async mount(files: Record<string, Uint8Array>): Promise<HangFs> {
    const dir = mkdtempSync(join(tmpdir(), 'hang-fs-'));
    const backing = join(dir, 'backing');
    const mountpoint = join(dir, 'mnt');
    mkdirSync(backing);
    mkdirSync(mountpoint);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(backing, name), bytes);
    const control = join(dir, 'hang');
    const child = spawn(PYTHON, [SCRIPT, backing, mountpoint, control], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const fs = new HangFs(dir, mountpoint, backing, control, child, () => output);
    const deadline = Date.now() + 10_000;
    while (readdirSync(mountpoint).length === 0) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await fs.unmount();
        throw new Error(`hang-fs did not mount at ${mountpoint}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return fs;
  }

  path(name: string): string {
    return join(this.mountpoint, name);
  }

  /** Rewrites a file behind the mount (what a host writing its mailbox does). */
  write(name: string, bytes: Uint8Array): void {
    writeFileSync(join(this.backing, name), bytes);
  }

  hang(): void {
    writeFileSync(this.control, '');
  }

  answer(): void {
    rmSync(this.control, { force: true });
  }

  /** How many reads reached the file system so far. */
  reads(): number {
    return existsSync(this.control + '.log') ? readFileSync(this.control + '.log', 'utf8').split('\n').filter(Boolean).length : 0;
  }

  output(): string {
    return this.log();
  }

  /** Lets hung reads go, stops the file system by its PID and removes everything. Safe to call twice. */
  async unmount(): Promise<void> {
    this.answer();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      spawnSync(existsSync('/usr/bin/fusermount3') ? 'fusermount3' : 'fusermount', ['-u', '-z', this.mountpoint]);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    try {
      execFileSync('mountpoint', ['-q', this.mountpoint]);
      spawnSync('umount', ['-l', this.mountpoint]);
    } catch {
      // not mounted any more
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
