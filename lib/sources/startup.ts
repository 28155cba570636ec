import 'server-only';
import { ConfigError, registry } from './registry';

export async function startSources(): Promise<void> {
  try {
    const { sources, config } = await registry();
    for (const source of sources) {
      const { inbox, outbox, demo } = source.config;
      console.log(`mailbox-inspector: watching ${source.id}${demo ? ' (DEMO)' : ''}: inbox ${inbox ?? '-'}, outbox ${outbox ?? '-'}, ` +
        `every ${config.pollMs} ms, hosts 1..${config.maxHostId}`);
    }
    const stop = () => void registry().then((r) => r.stop()).finally(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`mailbox-inspector: ${err.message}\nSee README.md, "Pointing it at a real pool".`);
      process.exit(1);
    }
    throw err;
  }
}
