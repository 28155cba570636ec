import type { SourceInfo } from '@/lib/api/types';

/** Beside FILES: which files the screen shows and how many reads they make. Never called storage. */
export function FilesHeader({ source, reads }: { source: SourceInfo | null; reads: number | null }) {
  if (!source) return null;
  return (
    <span className="truncate text-[12px] text-muted" data-testid="files-names">
      {[source.inbox?.path, source.outbox?.path].filter(Boolean).join(' · ')}
      {reads !== null && ` · ${reads} ${reads === 1 ? 'read' : 'reads'}`}
    </span>
  );
}
