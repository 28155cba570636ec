'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { HostNames } from '@/lib/sources/host-names';

/**
 * Names of host ids where known: MAILBOX_HOST_NAMES on the server, or
 * learnt from vdsm logs opened on /open. Every place that shows a host id
 * shows its name beside it.
 */
const HostNamesContext = createContext<HostNames>(new Map());

export function HostNamesProvider({ names, children }: { names: HostNames; children: ReactNode }) {
  return <HostNamesContext.Provider value={names}>{children}</HostNamesContext.Provider>;
}

export function useHostNames(): HostNames {
  return useContext(HostNamesContext);
}

/** The name of host `id`, small and muted, truncated when long; nothing when the host has no name. */
export function HostName({ id, className = '' }: { id: number; className?: string }) {
  const name = useContext(HostNamesContext).get(id);
  if (!name) return null;
  return <span className={`min-w-0 truncate font-normal text-muted ${className}`} title={name} data-host-name={id}>{name}</span>;
}
