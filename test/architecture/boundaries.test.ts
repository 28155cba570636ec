/**
 * Data flows one way: reader → decode → snapshot/history → analysis → API →
 * screen. These tests read every module's imports and fail when a lower
 * layer reaches up, or when the format library reaches for a runtime.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function modules(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...modules(rel));
    else if (/\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specifiers.push(m[1]);
  return specifiers;
}

/** The repository path an import lands in ('lib/api/types'), or the package name for a bare import. */
function target(file: string, specifier: string): string {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return path.join(path.dirname(file), specifier);
  return specifier;
}

const LOWER_LAYERS = ['lib/mailbox', 'lib/io', 'lib/sources', 'lib/history', 'lib/analysis'];
const UPPER_LAYERS = ['lib/api', 'app', 'components'];

describe('module boundaries', () => {
  it('finds imports of every form (so the checks below can fail)', () => {
    expect(importsOf(`import a from '@/lib/api/x';\nexport { b } from "../y";\nimport 'server-only';\nawait import('node:fs');`))
      .toEqual(['@/lib/api/x', '../y', 'server-only', 'node:fs']);
  });

  for (const layer of LOWER_LAYERS) {
    it(`${layer} imports nothing from lib/api, app/ or components/`, () => {
      const offending = modules(layer).flatMap((file) =>
        importsOf(readFileSync(path.join(ROOT, file), 'utf8'))
          .filter((s) => UPPER_LAYERS.some((upper) => target(file, s) === upper || target(file, s).startsWith(`${upper}/`)))
          .map((s) => `${file} → ${s}`));
      expect(offending).toEqual([]);
    });
  }

  it('lib/mailbox imports nothing from Node, React or Next (it runs in the browser too)', () => {
    const offending = modules('lib/mailbox').flatMap((file) =>
      importsOf(readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((s) => s.startsWith('node:') || /^(fs|path|crypto|buffer|os|react|react-dom|next)(\/|$)/.test(s) || s === 'server-only')
        .map((s) => `${file} → ${s}`));
    expect(offending).toEqual([]);
  });

  it('lib/api answers (outside lib/api/server) import no server-only module, so the browser can answer for opened files', () => {
    const serverOnly = new Set(modules('lib').filter((f) => /^import 'server-only';/m.test(readFileSync(path.join(ROOT, f), 'utf8'))));
    const offending = modules('lib/api').filter((f) => !f.startsWith('lib/api/server/')).flatMap((file) =>
      importsOf(readFileSync(path.join(ROOT, file), 'utf8').replace(/^import type .*$/gm, ''))
        .map((s) => target(file, s))
        .filter((t) => serverOnly.has(`${t}.ts`) || serverOnly.has(`${t}/index.ts`) || t === 'server-only')
        .map((t) => `${file} → ${t}`));
    expect(offending).toEqual([]);
  });
});
