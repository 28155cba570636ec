import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeVolume, VOLUME_SIZE_BYTES } from '@/lib/mailbox';
import type { SimWrite } from '@/lib/simulator';
import { startSimulator } from '@/lib/simulator/runner';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const openFds = () => readdirSync('/proc/self/fd').length;
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('startSimulator on real files', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mailbox-sim-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('writes inbox and outbox that decode to a live pool, and closes everything on stop', async () => {
    const dir = await tempDir();
    const fdsBefore = openFds();
    const timersBefore = timers();
    const written: SimWrite[] = [];
    const running = await startSimulator({ dir, seed: 42, speed: 20, onWrite: (w) => written.push(w) });
    expect(openFds()).toBe(fdsBefore + 2);
    // however slow the machine: wait for the writes, not for a time
    while (written.length <= 200) await sleep(50);
    await running.stop();
    await running.stop(); // a second stop is harmless

    expect(openFds()).toBe(fdsBefore);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    const { simulation: sim } = running;
    expect(sim.now).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(200);
    expect(written.map((w) => w.seq)).toEqual(written.map((_, i) => i));

    const size = 251 * 4096; // (maxHostId + 1) mailboxes
    expect((await stat(running.inboxPath)).size).toBe(size);
    expect((await stat(running.outboxPath)).size).toBe(size);
    const inboxBytes = new Uint8Array(await readFile(running.inboxPath));
    const outboxBytes = new Uint8Array(await readFile(running.outboxPath));
    // Every write the simulation made reached the files, in order.
    expect(Buffer.from(inboxBytes).equals(sim.inbox)).toBe(true);
    expect(Buffer.from(outboxBytes).equals(sim.outbox)).toBe(true);

    const inbox = decodeVolume(inboxBytes, 'inbox');
    const outbox = decodeVolume(outboxBytes, 'outbox');
    expect(inbox.mailboxCount).toBe(251);
    expect(inbox.warnings).toEqual([]);
    expect(inbox.event?.state).toBe('event');
    expect(outbox.findings).toEqual([]);
    expect(sim.requests.filter((r) => r.freed).length).toBeGreaterThan(5);
    const stray = inbox.hosts.filter((m) => m.slots.length > 0 && !sim.roles.some((r) => r.host === m.host));
    expect(stray).toEqual([]);
  });

  it('makes files of 16 MiB when asked, and refuses a size that cuts off host maxHostId', async () => {
    const dir = await tempDir();
    const running = await startSimulator({ dir, seed: 1, speed: 50, volumeSizeBytes: VOLUME_SIZE_BYTES });
    await sleep(300);
    await running.stop();
    expect((await stat(running.inboxPath)).size).toBe(VOLUME_SIZE_BYTES);
    expect((await stat(running.outboxPath)).size).toBe(VOLUME_SIZE_BYTES);
    await expect(startSimulator({ dir, volumeSizeBytes: 250 * 4096 })).rejects.toThrow(/volumeSizeBytes must be an integer ≥ 1028096/);
  });

  it('lets a process exit on its own after stop()', async () => {
    const dir = await tempDir();
    const child = path.join(ROOT, 'test/simulator/runner-child.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', child, dir, '800'], {
      cwd: ROOT,
      timeout: 20_000,
    });
    const result = JSON.parse(stdout.trim()) as { virtualMs: number; requests: number };
    expect(result.virtualMs).toBeGreaterThan(10_000);
    expect(result.requests).toBeGreaterThan(0);
  });
});
