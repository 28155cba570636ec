/** Human forms of times, durations and sizes for text meant for people (the incident summary). */

/** "2026-11-24 20:47:28.429 UTC": tickets are read in other time zones. */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC`;
}

/** "20:47:28.429" */
export function utcTime(iso: string): string {
  return iso.slice(11, 23);
}

/** "350 ms", "1.83 s", "5 min 33 s", "2 h 5 min" */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "128 MiB", "2 GiB", "1.5 GiB" */
export function mib(sizeMiB: number | null | undefined): string {
  if (sizeMiB === null || sizeMiB === undefined) return 'invalid size';
  if (sizeMiB >= 1024 && sizeMiB % 1 === 0) {
    const gib = sizeMiB / 1024;
    return `${Number.isInteger(gib) ? gib : gib.toFixed(2).replace(/0+$/, '')} GiB`;
  }
  return `${sizeMiB} MiB`;
}

/** The n-th percentile (0..100) of `values`, nearest rank; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Escapes the characters that would break a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
