#!/usr/bin/env node
// Assembles lib/vdsm-log/newlines.wat (WebAssembly text) with wabt and writes
// the module's bytes into lib/vdsm-log/newlines-wasm.ts, where the log
// scanner loads them in Node and in browsers alike. Run after editing the
// .wat; test/vdsm-log/newline-window.test.ts fails while the two disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import wabtInit from 'wabt';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = 'lib/vdsm-log/newlines.wat';
const TARGET = 'lib/vdsm-log/newlines-wasm.ts';

/** The module's bytes, assembled from its text. */
export async function assemble(text) {
  const wabt = await wabtInit();
  const module = wabt.parseWat(SOURCE, text, { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

export function moduleSource(bytes) {
  return `// Generated from newlines.wat by scripts/build-wasm.mjs: edit the .wat and run that script.
/** The WebAssembly module counting newlines (see newlines.wat), as base64. */
export const NEWLINES_WASM_BASE64 =
  '${Buffer.from(bytes).toString('base64')}';
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await assemble(readFileSync(path.join(ROOT, SOURCE), 'utf8'));
  writeFileSync(path.join(ROOT, TARGET), moduleSource(bytes));
  console.log(`${TARGET}: ${bytes.length} bytes of WebAssembly`);
}
