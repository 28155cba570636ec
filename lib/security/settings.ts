/**
 * Who may talk to the inspector, from the environment: the token, extra host
 * names, and whether Prometheus may scrape /api/metrics without the token.
 */
export interface SecuritySettings {
  /** MAILBOX_TOKEN: when set, every request needs it (bearer header or the login cookie) */
  token: string | null;
  /** MAILBOX_ALLOWED_HOSTS: more names the Host header may carry (a TLS proxy's, a DNS name) */
  allowedHosts: string[];
  /** MAILBOX_METRICS_PUBLIC=1: /api/metrics answers without the token */
  metricsPublic: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

export type SecurityResult = { ok: true; settings: SecuritySettings } | { ok: false; errors: string[] };

/** Tokens shorter than this are guessable over a network. */
export const MIN_TOKEN_LENGTH = 16;

export function parseSecurity(env: Env): SecurityResult {
  const errors: string[] = [];
  const rawToken = env.MAILBOX_TOKEN ?? '';
  const token = rawToken === '' ? null : rawToken;
  if (token !== null && (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
    errors.push(`MAILBOX_TOKEN: expected at least ${MIN_TOKEN_LENGTH} characters and no spaces (e.g. MAILBOX_TOKEN=$(openssl rand -hex 24))`);
  }
  const allowedHosts: string[] = [];
  for (const entry of (env.MAILBOX_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/.test(entry)) {
      errors.push(`MAILBOX_ALLOWED_HOSTS entry ${JSON.stringify(entry)}: expected a host name or address without port, e.g. inspector.example.com`);
    } else {
      allowedHosts.push(entry.toLowerCase().replace(/^\[|\]$/g, ''));
    }
  }
  const metrics = env.MAILBOX_METRICS_PUBLIC ?? '';
  if (!['', '0', '1'].includes(metrics)) errors.push(`MAILBOX_METRICS_PUBLIC=${JSON.stringify(metrics)}: expected 1 (or 0, or unset)`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: { token, allowedHosts, metricsPublic: metrics === '1' } };
}

/** Loopback addresses and the name for them: binding there reaches this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}
