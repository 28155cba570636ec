import 'server-only';
import { networkInterfaces } from 'node:os';

/**
 * The names a request's Host header may carry: loopback, this machine's
 * addresses (what a non-loopback bind listens on) and MAILBOX_ALLOWED_HOSTS.
 * A web page that re-points its own DNS name at this address (DNS
 * rebinding) sends its own name, which is none of these.
 */
export function allowedHostNames(extra: readonly string[]): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...extra]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) names.add(address.address.toLowerCase().replace(/%.*$/, ''));
  }
  return names;
}

/** "Example.com:3000" → "example.com", "[::1]:3000" → "::1"; null when it is not a host[:port]. */
export function hostNameOf(hostHeader: string | null): string | null {
  if (!hostHeader) return null;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::\d{1,5})?$/.exec(hostHeader.trim());
  if (!match) return null;
  return (match[1] ?? match[2]).toLowerCase();
}

/** The host name of an Origin header ("http://127.0.0.1:3000"); null for "null" or nonsense. */
export function originHostName(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}
