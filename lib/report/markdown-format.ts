/**
 * Forms only Markdown needs: UTC times (tickets are read in other time zones),
 * percentiles and table cells. Sizes and durations come from lib/format/units,
 * the same words the screen uses.
 */

/** "2026-11-24 20:47:28.429 UTC": tickets are read in other time zones. */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC`;
}

/** "20:47:28.429" */
export function utcTime(iso: string): string {
  return iso.slice(11, 23);
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
