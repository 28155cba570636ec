import 'server-only';
/**
 * The demo source, used when no MAILBOX_SOURCES is configured: a live
 * simulated pool (one SPM, a dozen HSMs, some writing the pre-2017 way so
 * mailboxes tear) in real files in a temporary directory, read through the
 * same reader and poller as a real pool. `MAILBOX_DEMO_SEED` makes it repeat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator } from '@/lib/simulator/runner';
import type { Env, SourceConfig } from './config';

export interface Demo {
  source: SourceConfig;
  stop(): Promise<void>;
}

export async function startDemo(maxHostId: number, env: Env = process.env): Promise<Demo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mailbox-inspector-demo-'));
  // Next's own signal handlers exit without waiting for ours: remove the files on any exit, synchronously.
  const removeFiles = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeFiles);
  const seed = Number.parseInt(env.MAILBOX_DEMO_SEED ?? '', 10);
  const simulator = await startSimulator({ dir, maxHostId, seed: Number.isSafeInteger(seed) ? seed : undefined });
  const source: SourceConfig = {
    id: 'demo', name: 'demo (simulated pool)', demo: true, inbox: simulator.inboxPath, outbox: simulator.outboxPath,
  };
  return {
    source,
    stop: async () => {
      await simulator.stop().catch(() => undefined);
      removeFiles();
      process.off('exit', removeFiles);
    },
  };
}
