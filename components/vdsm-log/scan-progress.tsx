import { groupDigits } from '@/lib/format/units';
import type { ScanProgress } from './worker-protocol';

const MB = 1024 * 1024;

/** Progress of a scan: a bar over the files' bytes, MB/s of text scanned, lines. */
export function ScanProgressBar({ names, progress, done = false, cancelled = false }: { names: string[]; progress: ScanProgress | null; done?: boolean; cancelled?: boolean }) {
  const p = progress;
  const fraction = p && p.totalBytes > 0 ? p.readBytes / p.totalBytes : 0;
  const rate = p && p.elapsedMs > 0 ? p.textBytes / MB / (p.elapsedMs / 1000) : 0;
  return (
    <div className="flex flex-wrap items-center gap-3" data-progress data-done={done} aria-live="polite">
      {!done && <progress max={1} value={fraction} className="w-64" aria-label="read so far" />}
      <span className="num">{Math.round(fraction * 100)} %</span>
      <span className="num">{p ? groupDigits(p.lines) : 0} lines</span>
      <span className="num" data-mbps={rate.toFixed(1)}>{rate.toFixed(1)} MB/s</span>
      {p && !done && <span className="text-muted">file {p.fileIndex + 1} of {p.files}: {p.file}</span>}
      {!p && !done && <span className="text-muted">opening {names.length} file{names.length === 1 ? '' : 's'}…</span>}
      {cancelled && <span style={{ color: 'var(--ink-orange)' }}>⚠ cancelled: results so far</span>}
    </div>
  );
}
