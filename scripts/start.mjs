#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the
// sources, then serves it. With no MAILBOX_SOURCES it shows the demo pool.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// An empty HOST means the default, never "every interface".
const host = process.env.HOST?.trim() || '127.0.0.1';
const port = process.env.PORT?.trim() || '3000';
const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
if (!loopback && !process.env.MAILBOX_TOKEN) {
  console.error(
    `mailbox-inspector: refusing to listen on ${host} without a token: anyone who can reach it could read every volume.\n` +
      '  Set MAILBOX_TOKEN (e.g. MAILBOX_TOKEN=$(openssl rand -hex 24)), or keep HOST unset (127.0.0.1) and use an SSH tunnel.\n' +
      'See README.md, "Security".',
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const next = path.join(root, 'node_modules/.bin/next');
// The server runs under node with the flags of scripts/server-node.json (its "why" says why).
const nextCli = path.join(root, 'node_modules/next/dist/bin/next');
const { flags } = JSON.parse(readFileSync(path.join(root, 'scripts/server-node.json'), 'utf8'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const buildId = path.join(root, '.next/BUILD_ID');
const sources = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.ts', 'package-lock.json'];
const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource) {
  console.log('mailbox-inspector: building the app (once, ~1 min)...');
  const build = spawnSync(next, ['build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [...flags, nextCli, 'start', '-H', host, '-p', port], { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

// Next says "Ready" before it has read the configuration: hold its output back until the
// sources are being watched, so a bad configuration shows only its error, then the exit.
let held = '';
let started = false;
server.stdout.on('data', (chunk) => {
  if (started) return process.stdout.write(chunk);
  held += chunk;
  if (!held.includes('mailbox-inspector: watching')) return;
  started = true;
  process.stdout.write(held);
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`mailbox-inspector: open http://${shown}:${port}/`);
});
server.on('exit', (code, signal) => {
  if (!started) process.stdout.write(held.split('\n').filter((line) => !/Ready in|Local:|Network:/.test(line)).join('\n'));
  process.exit(code ?? (signal ? 1 : 0));
});
