'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { FetchLike } from '@/components/live-grid/snapshot-fetcher';

/**
 * Where the screen's data comes from. The server's API by default; a page
 * showing files opened in the browser hands in a fetch that answers the same
 * URLs locally, so the same screen runs on them and no byte leaves the browser.
 */
export interface Transport {
  fetch: FetchLike;
  /** 'files': the data is dumps or traces opened in this browser, never live storage */
  kind: 'server' | 'files';
}

export const SERVER_TRANSPORT: Transport = { fetch: (url, init) => fetch(url, init), kind: 'server' };

const TransportContext = createContext<Transport>(SERVER_TRANSPORT);

export function TransportProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  return <TransportContext.Provider value={transport}>{children}</TransportContext.Provider>;
}

export function useTransport(): Transport {
  return useContext(TransportContext);
}
