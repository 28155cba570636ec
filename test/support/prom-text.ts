/**
 * A small parser of the Prometheus text exposition format (0.0.4), enough
 * to check our own /api/metrics: samples with labels, and the TYPE of each
 * family. prom-client has no parser of its own.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Record<string, string>;
  samples: Sample[];
  /** the value of the one sample with this name whose labels include `labels`; undefined if none */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/g;

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function number(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

export function parseExposition(text: string): Exposition {
  const types: Record<string, string> = {};
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types[type[1]] = type[2];
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key] = unescape(value);
    samples.push({ name: match[1], labels, value: number(match[3]) });
  }
  const value = (name: string, want: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(want).every(([k, v]) => s.labels[k] === v))?.value;
  return { types, samples, value };
}
