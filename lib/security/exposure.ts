import { isLoopback, parseSecurity, type Env } from './settings';

/** The address `next start` was told to listen on (-H/--hostname); null: every interface, Next's default. */
export function boundHost(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-H' || arg === '--hostname') return argv[i + 1] || null;
    if (arg.startsWith('--hostname=')) return arg.slice('--hostname='.length) || null;
  }
  return null;
}

/**
 * What keeps this server from starting: bad security settings, or listening
 * beyond loopback with no token (every volume's bytes would be anyone's).
 */
export function exposureErrors(argv: readonly string[], env: Env): string[] {
  const parsed = parseSecurity(env);
  if (!parsed.ok) return parsed.errors;
  // Next's standalone server (npm run package) takes no -H: it listens on HOSTNAME, or every interface.
  const standalone = env.__NEXT_PRIVATE_STANDALONE_CONFIG !== undefined;
  const host = boundHost(argv) ?? (standalone ? env.HOSTNAME || null : null);
  if ((host === null || !isLoopback(host)) && parsed.settings.token === null) {
    return [
      `listening on ${host ?? 'every interface'} without a token would let anyone who can reach it read every volume: ` +
        'set MAILBOX_TOKEN (e.g. MAILBOX_TOKEN=$(openssl rand -hex 24)), or listen on 127.0.0.1 and reach it through an SSH tunnel',
    ];
  }
  return [];
}

/** Exits with the reasons when this server must not start (see exposureErrors). */
export function refuseUnsafeStart(): void {
  const refused = exposureErrors(process.argv, process.env);
  if (refused.length === 0) return;
  console.error(`mailbox-inspector: refusing to start:\n  ${refused.join('\n  ')}\nSee README.md, "Security".`);
  process.exit(1);
}
