import type { SourceInfo } from '@/lib/api/types';

/** In place of LIVE: FILES, and which files the screen shows. Never called storage. */
export function FilesHeader({ source, reads }: { source: SourceInfo | null; reads: number | null }) {
  return (
    <span className="flex min-w-0 items-center gap-2 text-[12px]">
      <span className="badge" data-tone="files" data-testid="files-badge" title="files opened in this browser: not live storage">FILES</span>
      {source && (
        <span className="truncate text-muted" data-testid="files-names">
          {[source.inbox?.path, source.outbox?.path].filter(Boolean).join(' · ')}
          {reads !== null && ` · ${reads} ${reads === 1 ? 'read' : 'reads'}`}
        </span>
      )}
    </span>
  );
}
