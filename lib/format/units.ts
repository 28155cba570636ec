/** Number, size and time formats shared by the grid, the detail and copied text. */

const MIB_PER_GIB = 1024;
const MIB_PER_TIB = 1024 * 1024;

function trimmed(value: number): string {
  // 1.5 GiB, 2 GiB, 1.25 TiB: at most two decimals, no trailing zeros.
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

/** A size in MiB in the largest whole-ish unit: 128 MiB, 2 GiB, 1.5 TiB. */
export function humanMiB(mib: number): string {
  if (mib >= MIB_PER_TIB) return `${trimmed(mib / MIB_PER_TIB)} TiB`;
  if (mib >= MIB_PER_GIB) return `${trimmed(mib / MIB_PER_GIB)} GiB`;
  return `${mib} MiB`;
}

/** Thousands separated by a thin space, so long numbers can be compared digit by digit. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** "now", "2 s ago", "3 min ago", "2 h ago". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 1) return 'now';
  if (s < 120) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min ago`;
  return `${Math.floor(min / 60)} h ago`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall clock, 24 h: "10:41:07". */
export function formatClock(at: Date | number): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Local wall clock with milliseconds: "10:41:07.412", for telling reads 100 ms apart. */
export function formatClockMs(at: Date | number): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  return `${formatClock(d)}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** A latency or a time span, in the unit a person reads: "350 ms", "1.83 s", "12.5 s", "5 min 33 s", "2 h 5 min". */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  const [big, bigUnit, small, smallUnit] = s < 3600 ? [Math.floor(s / 60), 'min', s % 60, 's'] : [Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min'];
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** Milliseconds with sensible precision: "0.41 ms", "12.3 ms", "1.2 s". */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${trimmed(Math.round(ms / 100) / 10)} s`;
  if (ms >= 10) return `${trimmed(Math.round(ms * 10) / 10)} ms`;
  return `${trimmed(Math.round(ms * 100) / 100)} ms`;
}

/** A polling interval: "0.5 s", "2 s", "300 ms". */
export function formatInterval(ms: number): string {
  return ms < 500 ? `${ms} ms` : `${trimmed(ms / 1000)} s`;
}

/** Byte offsets as in hexdump: lower-case hex, zero-padded. */
export function hex(n: number, width = 8): string {
  return n.toString(16).padStart(width, '0');
}
