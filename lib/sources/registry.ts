import 'server-only';
/**
 * The sources of this server process, created once from the environment.
 * Kept on globalThis: Next bundles route handlers separately, and they must
 * all share one poller per source.
 */
import { parseHistorySettings, type HistorySettings } from '@/lib/history/settings';
import { parseConfig, type Config, type Env } from './config';
import { startDemo, type Demo } from './demo';
import { LiveSource } from './live-source';

export class ConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(`bad configuration:\n  ${errors.join('\n  ')}`);
  }
}

export interface Registry {
  config: Config;
  history: HistorySettings;
  sources: LiveSource[];
  get(id: string): LiveSource | undefined;
  stop(): Promise<void>;
}

const KEY = Symbol.for('mailbox-inspector.registry');
type Global = typeof globalThis & { [KEY]?: Promise<Registry> };

async function create(env: Env): Promise<Registry> {
  const parsed = parseConfig(env);
  const history = parseHistorySettings(env);
  if (!parsed.ok || !history.ok) throw new ConfigError([...(parsed.ok ? [] : parsed.errors), ...(history.ok ? [] : history.errors)]);
  const { config } = parsed;
  let demo: Demo | null = null;
  const configs = [...config.sources];
  if (configs.length === 0 && !config.off) {
    demo = await startDemo(config.maxHostId, env);
    configs.push(demo.source);
  }
  const sources = configs.map((source) => new LiveSource({ ...source, hostNames: config.hostNames }, { maxHostId: config.maxHostId, pollMs: config.pollMs, readTimeoutMs: config.readTimeoutMs }, history.settings));
  for (const source of sources) source.start();
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    config: { ...config, sources: configs },
    history: history.settings,
    sources,
    get: (id) => byId.get(id),
    stop: async () => {
      await Promise.all(sources.map((s) => s.stop()));
      await demo?.stop();
    },
  };
}

/** The registry, created on first use. Rejects with a ConfigError on bad configuration. */
export function registry(env: Env = process.env): Promise<Registry> {
  const g = globalThis as Global;
  g[KEY] ??= create(env);
  return g[KEY];
}
