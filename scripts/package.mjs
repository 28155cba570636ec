#!/usr/bin/env node
// `npm run package`: one archive to copy onto a host that has Node.js (20+)
// and no internet: Next's standalone server with the traced node_modules,
// the static assets, the @ronomon/direct-io native addon (N-API, built here
// for this OS and CPU), a start script, and deploy/ (systemd unit, rules,
// dashboard). Builds into .next-package/, so .next (npm start) is untouched.
//
//   node scripts/package.mjs [--out DIR]   (default DIR: dist/)
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outDir = path.resolve(outFlag > 0 ? process.argv[outFlag + 1] : path.join(root, 'dist'));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const name = `mailbox-inspector-${version}-${process.platform}-${process.arch}`;
const distDir = '.next-package';

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    console.error(`package: ${cmd} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

console.log('package: building the standalone server (next build, output: standalone)');
rmSync(path.join(root, distDir, 'standalone'), { recursive: true, force: true });
run(path.join(root, 'node_modules/.bin/next'), ['build'], { MAILBOX_PACKAGE_BUILD: '1' });

const stage = mkdtempSync(path.join(tmpdir(), 'mailbox-package-'));
const app = path.join(stage, 'mailbox-inspector');
// verbatimSymlinks: Turbopack links externals (the addon) relatively; cpSync would make those links absolute.
cpSync(path.join(root, distDir, 'standalone'), app, { recursive: true, verbatimSymlinks: true });
// The tracer cannot tell which `inbox` files a configured path will name, so it ships test/fixtures; and
// sharp (20 MB) serves next/image, which the app does not use.
for (const unused of ['test', 'node_modules/sharp', 'node_modules/@img']) rmSync(path.join(app, unused), { recursive: true, force: true });
cpSync(path.join(root, distDir, 'static'), path.join(app, distDir, 'static'), { recursive: true });
if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(app, 'public'), { recursive: true });

// The addon is loaded with require at run time; the tracer usually finds it, but the archive must not depend on that.
const addon = path.join('node_modules', '@ronomon', 'direct-io');
for (const file of ['binding.node', 'package.json']) {
  const from = path.join(root, addon, file);
  if (!existsSync(from)) {
    console.error(`package: ${from} is missing: run npm ci (it builds the addon; needs python3, make, g++)`);
    process.exit(1);
  }
  mkdirSync(path.join(app, addon), { recursive: true });
  cpSync(from, path.join(app, addon, file));
}
cpSync(path.join(root, 'deploy'), path.join(app, 'deploy'), { recursive: true });
// /learn/format renders the format reference from the file
cpSync(path.join(root, 'docs'), path.join(app, 'docs'), { recursive: true });

const start = path.join(app, 'start.sh');
// The flags npm start runs the server with (scripts/server-node.json says why).
const serverFlags = JSON.parse(readFileSync(path.join(root, 'scripts/server-node.json'), 'utf8')).flags.join(' ');
writeFileSync(start, `#!/bin/sh
# Starts Mailbox Inspector from this directory. It listens on HOST (default
# 127.0.0.1) and PORT (default 3000); MAILBOX_SOURCES and the other MAILBOX_*
# variables configure it as in the README. NODE names the node binary.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# Next's standalone server listens on HOSTNAME, which shells set to the machine's name: always set it here.
export HOSTNAME="\${HOST:-127.0.0.1}" PORT="\${PORT:-3000}"
exec "\${NODE:-node}" ${serverFlags} "$here/server.js"
`);
chmodSync(start, 0o755);

// Nothing in the archive may lead back to this machine's build directory.
for (const entry of readdirSync(app, { recursive: true, withFileTypes: true })) {
  if (!entry.isSymbolicLink()) continue;
  const link = path.join(entry.parentPath, entry.name);
  const target = readlinkSync(link);
  if (path.isAbsolute(target) || !path.resolve(path.dirname(link), target).startsWith(app + path.sep)) {
    console.error(`package: ${path.relative(app, link)} links outside the package (${target})`);
    process.exit(1);
  }
}

mkdirSync(outDir, { recursive: true });
const archive = path.join(outDir, `${name}.tar.gz`);
run('tar', ['-czf', archive, '--owner=0', '--group=0', '-C', stage, 'mailbox-inspector']);
rmSync(stage, { recursive: true, force: true });
console.log(`package: ${archive}`);
