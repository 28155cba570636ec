/**
 * A new message kind is guided by the compiler from the field table to the
 * screen: add a type to MESSAGE_TYPES (lib/mailbox/fields.ts) and tsc must
 * list every place that decides something by a slot's kind or colours a
 * field. The test does it for real on a copy of the sources, with the
 * project's own tsc, and reads the files tsc names.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNever, CARRIES_TARGET, type SlotKind } from '@/lib/mailbox';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['lib', 'components', 'app', 'types', 'instrumentation.ts', 'tsconfig.json'];
const ANCHOR = '  extend: { opcode: EXTEND_OPCODE, fields: EXTEND_FIELD_LIST },\n';
// A made-up 'shrk' message: the extend header and volume, then a new field 'by' instead of the domain and size.
const SHRINK = "  shrink: { opcode: 'shrk', fields: [EXTEND_FIELDS.version, EXTEND_FIELDS.opcode, EXTEND_FIELDS.volume, { ...EXTEND_FIELDS.size, id: 'by' as const }] },\n";

/** The files tsc reports errors in, for the sources with `patch` applied to the field table. */
function filesTscRejects(patch: (fields: string) => string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'new-message-kind-'));
  try {
    for (const entry of SOURCES) {
      cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true, filter: (src) => !/\.(test|bench)\.tsx?$/.test(src) });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const fields = path.join(dir, 'lib/mailbox/fields.ts');
    writeFileSync(fields, patch(readFileSync(fields, 'utf8')));
    try {
      execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--incremental', 'false', '-p', dir], { cwd: dir, encoding: 'utf8' });
      return [];
    } catch (error) {
      const out = String((error as { stdout?: string }).stdout ?? '');
      return [...new Set([...out.matchAll(/^(\S+?)\(\d+,\d+\): error/gm)].map((m) => m[1]))].sort();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a new message kind', () => {
  it('added to the field table, fails to compile in every place that must handle it', () => {
    const rejected = filesTscRejects((fields) => {
      if (!fields.includes(ANCHOR)) throw new Error('MESSAGE_TYPES changed shape: update ANCHOR in this test');
      return fields.replace(ANCHOR, ANCHOR + SHRINK);
    });
    // Exactly these: a file missing from the copy would add errors of its own.
    expect(rejected).toEqual([
      'components/host-detail/mailbox-ranges.ts', // the new field 'by' has no colour
      'components/host-detail/slot-table.tsx',
      'components/vocabulary/slot-line.ts',
      'lib/analysis/requests.ts',
      'lib/api/cells.ts', // what a packed slot of that kind carries
      'lib/format/vocabulary.ts', // its glyph
      'lib/mailbox/layout.ts',
      'lib/mailbox/lifecycle.ts',
      'lib/mailbox/slot-kind.ts', // does it name a volume?
      'lib/mailbox/slot.ts', // its decoder
      'lib/report/incident-markdown.ts',
      'lib/vdsm-log/logged-mailbox.ts', // what a logged mailbox of that kind says
    ]);
  }, 180_000);
});

describe('assertNever', () => {
  it('rejects, at compile time, a switch that forgets a kind', () => {
    function word(kind: SlotKind | 'shrink'): string {
      switch (kind) {
        case 'empty': case 'clean': case 'unknown': case 'extend': return kind;
        // @ts-expect-error 'shrink' is not handled, so `kind` is not `never` here
        default: return assertNever(kind, 'slot kind');
      }
    }
    expect(() => word('shrink')).toThrow('unhandled slot kind "shrink"');
  });

  it('a Record<SlotKind, …> must name every kind', () => {
    // @ts-expect-error the table has no entry for 'shrink'
    const carries: Record<SlotKind | 'shrink', boolean> = CARRIES_TARGET;
    expect(carries.extend).toBe(true);
  });
});
