/**
 * Starts the built app (`next build` must have run) on 127.0.0.1 with the
 * given environment, and stops it by PID. Used by API and browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import SERVER_NODE from '../../scripts/server-node.json';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Answer<T> {
  status: number;
  /** parsed when the answer is JSON, else null */
  body: T;
  headers: Headers;
  text: string;
}

/** GETs (or whatever `init` says) `path` of a running server, reading the body once. */
export async function fetchAnswer<T>(server: { url: string }, path: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json');
  return { status: res.status, body: (json && text ? JSON.parse(text) : null) as T, headers: res.headers, text };
}

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('the app is not built: run `npm run build` first (npm test does)');
  }
  const port = await freePort();
  // As npm start runs it: node with the server's flags, then Next's CLI.
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE.flags, path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/api/sources`);
      if (res.status < 500) return { url, pid: child.pid!, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not answer within 60 s:\n${log}`);
}
