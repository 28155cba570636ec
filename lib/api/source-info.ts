/** A source as `/api/sources` lists it. */
import type { SourceView } from '@/lib/sources/source-view';
import type { HostNames } from '@/lib/sources/host-names';
import type { VolumeRead } from '@/lib/sources/read';
import type { SourceInfo, SourcesResponse, VolumeInfo } from './types';

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

/** `{"7": "hv-b"}`: JSON keys are strings. */
export function hostNamesJson(names: HostNames | undefined): Record<string, string> {
  return Object.fromEntries([...(names ?? [])].sort((a, b) => a[0] - b[0]).map(([id, name]) => [String(id), name]));
}

export function sourceInfo(source: SourceView): SourceInfo {
  const latest = source.peekRead();
  return {
    id: source.config.id,
    name: source.config.name,
    demo: source.config.demo,
    pollMs: source.options.pollMs,
    maxHostId: source.options.maxHostId,
    pending: latest === null,
    inbox: volume(latest?.inbox, source.config.inbox),
    outbox: volume(latest?.outbox, source.config.outbox),
    hostNames: hostNamesJson(source.config.hostNames),
  };
}

/** `/api/sources`' answer: also what the live page is rendered with. */
export function sourcesResponse(sources: readonly SourceView[]): SourcesResponse {
  return { sources: sources.map(sourceInfo) };
}

/** The source the page shows: the one its URL names, else the first configured. */
export function shownSource<S extends { id: string }>(sources: readonly S[], asked: string | null): S | null {
  return sources.find((s) => s.id === asked) ?? sources[0] ?? null;
}
