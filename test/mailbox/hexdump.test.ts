import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexdumpC, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { FIXTURES, fixture } from '../support/fixtures';

const hasHexdump = spawnSync('hexdump', ['--version']).error === undefined;
if (!hasHexdump) console.log('hexdump not installed (bsdextrautils): comparing with it is skipped');

describe('hexdumpC', () => {
  it.skipIf(!hasHexdump).each([
    ['torn/torn-1426762', 7],
    ['vdsm-h10/multi', 5],
    ['vdsm-h10/clean', 3],
    ['vdsm-h10/request', 0],
  ])('prints %s mailbox %i exactly as `hexdump -C` does', (folder, host) => {
    const file = path.join(FIXTURES, folder, 'inbox');
    const offset = host * MAILBOX_SIZE_BYTES;
    const expected = execFileSync('hexdump', ['-C', '-s', String(offset), '-n', String(MAILBOX_SIZE_BYTES), file], { encoding: 'utf8' });
    const bytes = fixture(folder, 'inbox');
    expect(hexdumpC(bytes.subarray(offset, offset + MAILBOX_SIZE_BYTES), offset) + '\n').toBe(expected);
  });
});
