/** A source as `/api/sources` lists it. */
import type { SourceView } from '@/lib/sources/source-view';
import type { VolumeRead } from '@/lib/sources/read';
import type { SourceInfo, VolumeInfo } from './types';

function volume(read: VolumeRead | null | undefined, path: string | null): VolumeInfo | null {
  if (path === null) return null;
  return {
    path,
    size: read?.stat?.size ?? 0,
    blockDevice: read?.stat?.blockDevice ?? false,
    direct: read?.direct ?? false,
    blockSize: read?.stat?.blockSize ?? 0,
  };
}

export function sourceInfo(source: SourceView): SourceInfo {
  const latest = source.peekRead();
  return {
    id: source.config.id,
    name: source.config.name,
    demo: source.config.demo,
    pollMs: source.options.pollMs,
    maxHostId: source.options.maxHostId,
    inbox: volume(latest?.inbox, source.config.inbox),
    outbox: volume(latest?.outbox, source.config.outbox),
  };
}
