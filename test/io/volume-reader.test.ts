import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VolumeReader } from '@/lib/io';
import { HangFs, hangFsSupport } from '../support/hang-fs';

const MAILBOX = 4096;
const dir = mkdtempSync(join(tmpdir(), 'volume-reader-'));
const readers: VolumeReader[] = [];
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
});

function reader(path: string, mailboxes: number, deadlineMs = 5_000): VolumeReader {
  const r = new VolumeReader(path, { mailboxes, deadlineMs });
  readers.push(r);
  return r;
}

async function okRead(r: VolumeReader) {
  const result = await r.read();
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('a volume read again and again on its own thread', () => {
  it('hands back the bytes once, then says "unchanged" without a copy until a mailbox changes', async () => {
    const content = randomBytes(8 * MAILBOX);
    const path = join(dir, 'inbox');
    writeFileSync(path, content);
    const r = reader(path, 8);
    const first = await okRead(r);
    expect(first.unchanged).toBe(false);
    expect(Buffer.from(first.window!.bytes).equals(content)).toBe(true);
    expect(first.changed).toBeNull();

    const second = await okRead(r);
    expect(second).toMatchObject({ unchanged: true, window: null });

    const before = Buffer.from(content);
    content[5 * MAILBOX + 17] ^= 0xff;
    writeFileSync(path, content);
    const third = await okRead(r);
    expect(third.unchanged).toBe(false);
    expect(Buffer.from(third.window!.bytes).equals(content)).toBe(true);
    expect([...third.changed!]).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
    // only the changed mailbox is new: the others are the first window's own
    expect(third.window!.mailbox(4)).toBe(first.window!.mailbox(4));
    expect(third.window!.mailbox(5)).not.toBe(first.window!.mailbox(5));
    // what was handed out is the caller's: the reader never writes into it again
    expect(Buffer.from(first.window!.bytes).equals(before)).toBe(true);
  });

  it('hands out, read after read, windows equal to the file while random mailboxes change, and flags exactly those', async () => {
    const mailboxes = 64;
    const content = randomBytes(mailboxes * MAILBOX);
    const path = join(dir, 'busy-inbox');
    writeFileSync(path, content);
    const r = reader(path, mailboxes);
    const handed: Array<{ window: NonNullable<Awaited<ReturnType<typeof okRead>>['window']>; bytes: Buffer }> = [];
    let window = (await okRead(r)).window!;
    handed.push({ window, bytes: Buffer.from(content) });
    for (let round = 0; round < 20; round++) {
      const expected = new Array<number>(mailboxes).fill(0);
      for (let n = 0; n < 1 + (round % 7) * 3; n++) {
        const host = Math.floor(Math.random() * mailboxes);
        content[host * MAILBOX + Math.floor(Math.random() * MAILBOX)] ^= 1 + Math.floor(Math.random() * 255);
        expected[host] = Buffer.compare(content.subarray(host * MAILBOX, (host + 1) * MAILBOX), handed.at(-1)!.bytes.subarray(host * MAILBOX, (host + 1) * MAILBOX)) === 0 ? 0 : 1;
      }
      writeFileSync(path, content);
      const read = await okRead(r);
      if (expected.every((flag) => flag === 0)) {
        expect(read.unchanged).toBe(true);
        continue;
      }
      expect([...read.changed!]).toEqual(expected);
      window = read.window!;
      for (let i = 0; i < mailboxes; i++) expect(Buffer.from(window.mailbox(i)).equals(content.subarray(i * MAILBOX, (i + 1) * MAILBOX))).toBe(true);
      handed.push({ window, bytes: Buffer.from(content) });
    }
    // every window handed out still holds what was read then
    for (const { window: w, bytes } of handed) expect(Buffer.from(w.bytes).equals(bytes)).toBe(true);
  });

  it('follows a symlink to the volume, as /dev/<vg>/inbox leads to /dev/dm-N', async () => {
    const target = join(dir, 'lv');
    writeFileSync(target, randomBytes(2 * MAILBOX));
    const link = join(dir, 'lv-link');
    symlinkSync(target, link);
    const result = await okRead(reader(link, 2));
    expect(Buffer.from(result.window!.bytes).equals(readFileSync(target))).toBe(true);
  });

  it('refuses to serve a volume whose path now leads to another file, and says so', async () => {
    const target = join(dir, 'real-inbox');
    writeFileSync(target, randomBytes(2 * MAILBOX));
    const link = join(dir, 'inbox-link');
    symlinkSync(target, link);
    const r = reader(link, 2);
    await okRead(r);

    const other = join(dir, 'services');
    writeFileSync(other, Buffer.alloc(2 * MAILBOX, 0x41));
    const swapped = join(dir, 'swapped-link');
    symlinkSync(other, swapped);
    renameSync(swapped, link);
    const result = await r.read();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('identity_changed');
    expect(result.error.message).toContain(`${link} now leads to a different volume`);
    expect(result.error.message).toContain('restart the inspector');
    expect(result).not.toHaveProperty('window');
  });

  it('reads a volume that was removed and re-created, saying it came back as a different one', async () => {
    const path = join(dir, 'recreated');
    writeFileSync(path, randomBytes(2 * MAILBOX));
    const r = reader(path, 2);
    await okRead(r);
    renameSync(path, `${path}.old`); // kept, so the new file cannot reuse its inode number
    expect(await r.read()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const again = randomBytes(2 * MAILBOX);
    writeFileSync(path, again);
    const back = await okRead(r);
    expect(Buffer.from(back.window!.bytes).equals(again)).toBe(true);
    expect(back.warnings.join('\n')).toContain(`${path} was gone and came back as a different volume`);
  });

  it('says what a FIFO is and never opens it', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await reader(fifo, 1).read();
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_volume' } });
  });
});

const fuse = hangFsSupport();
if (!fuse.ok) console.warn(`skipping the hanging-storage tests: ${fuse.reason}`);

describe.skipIf(!fuse.ok)('storage that stops answering (a FUSE file system whose reads hang)', () => {
  it('reports the volume as hanging after the deadline, stacks no read on it, and resumes when it answers', async () => {
    const content = randomBytes(4 * MAILBOX);
    const fs = await HangFs.mount({ inbox: content });
    try {
      const r = reader(fs.path('inbox'), 4, 300);
      expect(Buffer.from((await okRead(r)).window!.bytes).equals(content)).toBe(true);

      fs.hang();
      const readsBefore = fs.reads();
      const hung = await r.read();
      expect(hung).toMatchObject({ ok: false, error: { code: 'hanging' } });
      if (hung.ok) return;
      expect(hung.error.message).toMatch(new RegExp(`^no answer from ${fs.path('inbox')} for \\d+ s`));
      for (let i = 0; i < 5; i++) expect(await r.read()).toMatchObject({ ok: false, error: { code: 'hanging' } });
      expect(fs.reads() - readsBefore).toBe(1);

      const changed = Buffer.from(content);
      changed[MAILBOX] ^= 1;
      fs.write('inbox', changed);
      fs.answer();
      let result = await r.read();
      for (let i = 0; i < 50 && !result.ok; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        result = await r.read();
      }
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      // the late answer to the hung read was never handed out: the first read after it comes whole
      expect(Buffer.from(result.window!.bytes).equals(changed)).toBe(true);
      expect(result.changed).toBeNull();
    } finally {
      await fs.unmount();
    }
  });

  it('leaves the rest of the process free: more hanging volumes than libuv threads, and files still read', async () => {
    const volumes: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) volumes[`inbox-${i}`] = randomBytes(MAILBOX);
    const fs = await HangFs.mount(volumes);
    try {
      fs.hang();
      const hanging = Object.keys(volumes).map((name) => reader(fs.path(name), 1, 200));
      const results = await Promise.all(hanging.map((r) => r.read()));
      for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'hanging' } });
      // Four threadpool threads stuck in read() would stop this: the pool stays free.
      const plain = join(dir, 'plain');
      writeFileSync(plain, 'still here');
      const reads = await Promise.all(Array.from({ length: 8 }, () => readFile(plain, 'utf8')));
      expect(reads).toEqual(Array(8).fill('still here'));
    } finally {
      await fs.unmount();
    }
  });
});
