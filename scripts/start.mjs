#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the
// sources, then serves it. With no MAILBOX_SOURCES it shows the demo pool.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const next = path.join(root, 'node_modules/.bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const buildId = path.join(root, '.next/BUILD_ID');
const sources = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];
const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource) {
  console.log('mailbox-inspector: building the app (once, ~1 min)...');
  const build = spawnSync(next, ['build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
console.log(`mailbox-inspector: open http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
const server = spawn(next, ['start', '-H', host, '-p', port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
