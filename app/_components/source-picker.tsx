import type { SourceInfo } from '@/lib/api/types';

interface SourcePickerProps {
  sources: readonly SourceInfo[];
  source: SourceInfo | null;
  onChange: (id: string) => void;
}

/** All configured sources; the demo pool is labelled DEMO so nobody mistakes it for a real one. */
export function SourcePicker({ sources, source, onChange }: SourcePickerProps) {
  return (
    <label className="flex items-center gap-1.5 text-[12px] text-muted">
      source
      <select
        value={source?.id ?? ''}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-sm border border-line-strong bg-panel px-1 py-0.5 text-[13px] text-fg"
        title={source ? [source.inbox?.path, source.outbox?.path].filter(Boolean).join('\n') : undefined}
      >
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}{s.demo ? ' (DEMO)' : ''}
          </option>
        ))}
      </select>
      {source?.demo && <span className="badge" data-tone="demo" title="a sample pool, not real storage">DEMO</span>}
    </label>
  );
}
