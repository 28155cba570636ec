/**
 * The rules in deploy/prometheus, checked by Prometheus's own tool: syntax,
 * the example configuration, and the unit tests beside the rules (each alert
 * firing and not firing, the recording rules the dashboard reads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'deploy/prometheus');
const PROMTOOL = '/usr/bin/promtool';
const skip = existsSync(PROMTOOL) ? null : `${PROMTOOL} is missing (npm test installs Debian's prometheus)`;
if (skip) console.warn(`skipping the promtool tests: ${skip}`);

function promtool(...args: string[]): string {
  try {
    return execFileSync(PROMTOOL, args, { cwd: DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe.skipIf(skip)('deploy/prometheus with promtool', () => {
  it('passes the rules unit tests (every alert firing and not firing)', () => {
    expect(promtool('test', 'rules', 'rules.test.yml')).toContain('SUCCESS');
  });

  it('has a unit test for every alert of rules.yml', () => {
    const alerts = [...readFileSync(path.join(DIR, 'rules.yml'), 'utf8').matchAll(/^\s+- alert: (\S+)$/gm)].map((m) => m[1]);
    const tests = readFileSync(path.join(DIR, 'rules.test.yml'), 'utf8');
    expect(alerts.length).toBeGreaterThanOrEqual(8);
    for (const alert of alerts) expect(tests, alert).toContain(`alertname: ${alert}`);
  });

  it('accepts the rules and the example prometheus.yml', () => {
    expect(promtool('check', 'rules', 'rules.yml')).toMatch(/SUCCESS: \d+ rules found/);
    expect(promtool('check', 'config', 'prometheus.yml')).toContain('is valid prometheus config file syntax');
  });
});
