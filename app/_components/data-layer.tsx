'use client';
/**
 * Where the inspector's data comes from: the server (the default), or a
 * fetch that answers the same URLs in this browser for opened files. In the
 * local case exports are built here and saved as downloads: no request.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { FetchLike } from '@/components/live-grid/snapshot-fetcher';

export interface DataLayer {
  fetch: FetchLike;
  /** true: answers come from files opened in this browser, never from the network */
  local: boolean;
}

const network: FetchLike = (url, init) => fetch(url, init);

const DataLayerContext = createContext<DataLayer>({ fetch: network, local: false });

export function DataLayerProvider({ value, children }: { value: DataLayer; children: ReactNode }) {
  return <DataLayerContext.Provider value={value}>{children}</DataLayerContext.Provider>;
}

export function useDataLayer(): DataLayer {
  return useContext(DataLayerContext);
}

/** Saves a locally built answer as a file: the bytes go from memory to the disk, not over the network. */
export async function saveLocally(layer: DataLayer, url: string, filename: string): Promise<void> {
  const res = await layer.fetch(url, { cache: 'no-store' });
  if (!res.ok) {
    let detail = `HTTP ${res.status}`;
    try {
      detail = ((await res.json()) as { error?: { message?: string } }).error?.message ?? detail;
    } catch {
      // not JSON
    }
    throw new Error(`${filename}: ${detail}`);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const named = /filename="([^"]+)"/.exec(disposition)?.[1] ?? filename;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = named;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
