import 'server-only';
/**
 * The sources of this server process, created once from the environment.
 * Kept on globalThis: Next bundles route handlers separately, and they must
 * all share one poller per source.
 */
import { parseConfig, type Config } from './config';
import { startDemo, type Demo } from './demo';
import { LiveSource } from './live-source';

export class ConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(`bad configuration:\n  ${errors.join('\n  ')}`);
  }
}

export interface Registry {
  config: Config;
  sources: LiveSource[];
  get(id: string): LiveSource | undefined;
  stop(): Promise<void>;
}

const KEY = Symbol.for('mailbox-inspector.registry');
type Global = typeof globalThis & { [KEY]?: Promise<Registry> };

async function create(env: NodeJS.ProcessEnv): Promise<Registry> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new ConfigError(parsed.errors);
  const { config } = parsed;
  let demo: Demo | null = null;
  const configs = [...config.sources];
  if (configs.length === 0) {
    demo = await startDemo(config.maxHostId);
    configs.push(demo.source);
  }
  const sources = configs.map((source) => new LiveSource(source, { maxHostId: config.maxHostId, pollMs: config.pollMs }));
  for (const source of sources) source.start();
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    config: { ...config, sources: configs },
    sources,
    get: (id) => byId.get(id),
    stop: async () => {
      await Promise.all(sources.map((s) => s.stop()));
      await demo?.stop();
    },
  };
}

/** The registry, created on first use. Rejects with a ConfigError on bad configuration. */
export function registry(env: NodeJS.ProcessEnv = process.env): Promise<Registry> {
  const g = globalThis as Global;
  g[KEY] ??= create(env);
  return g[KEY];
}
