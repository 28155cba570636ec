import 'server-only';
/**
 * The operator's configuration, from the environment only: no request ever
 * names a path. Problems come back as sentences naming the entry at fault.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '@/lib/env';
import { DEFAULT_MAX_HOST_ID } from '@/lib/mailbox';
import { HostNamesError, parseHostNames, type HostNames } from './host-names';

export type { Env };

export interface SourceConfig {
  id: string;
  name: string;
  inbox: string | null;
  outbox: string | null;
  demo: boolean;
  /** MAILBOX_HOST_NAMES, shown beside the host ids (the same for every source) */
  hostNames?: HostNames;
}

export interface Config {
  sources: SourceConfig[];
  maxHostId: number;
  pollMs: number;
  /** a read unanswered this long is reported as hanging */
  readTimeoutMs: number;
  /** MAILBOX_HOST_NAMES: names an operator gives to host ids */
  hostNames: HostNames;
  /** MAILBOX_SOURCES=none: no sources and no demo (only /open's files, /api/decode and the CLI) */
  off?: boolean;
}


export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export const DEFAULT_POLL_MS = 500;
/** How long a read may go unanswered before its volume is reported as hanging (vdsm's own I/O checks warn at 10 s). */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** vdsm's range for maxHostID: sanlock serves at most 2000 hosts (and 2001 mailboxes fit a 16 MiB volume). */
const MAX_HOST_ID_LIMIT = 2000;
const READ_TIMEOUT_MS_LIMIT = 600_000;

/** Whole decimal numbers only: "0x10", "1e3", "16.0" or "+5" are typos or surprises, not numbers here. */
function integer(env: Env, name: string, fallback: number, min: number, max: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

function checkPath(entry: string, label: string, file: string, errors: string[]): void {
  if (!path.isAbsolute(file)) errors.push(`MAILBOX_SOURCES entry ${JSON.stringify(entry)}: ${label} path ${JSON.stringify(file)} is not absolute`);
}

/** `name=DIR` or `name=inbox:PATH,outbox:PATH` (either part optional). */
function parseEntry(entry: string, errors: string[]): SourceConfig | null {
  const eq = entry.indexOf('=');
  const quoted = JSON.stringify(entry);
  if (eq < 0) {
    errors.push(`MAILBOX_SOURCES entry ${quoted}: expected name=DIR or name=inbox:PATH,outbox:PATH`);
    return null;
  }
  const name = entry.slice(0, eq).trim();
  const target = entry.slice(eq + 1).trim();
  if (!NAME_PATTERN.test(name)) {
    errors.push(`MAILBOX_SOURCES entry ${quoted}: the name must be letters, digits, '.', '_' or '-' (at most 64), got ${JSON.stringify(name)}`);
    return null;
  }
  const source: SourceConfig = { id: name, name, inbox: null, outbox: null, demo: false };
  if (/^(inbox|outbox):/.test(target)) {
    for (const part of target.split(',')) {
      const colon = part.indexOf(':');
      const kind = part.slice(0, colon).trim();
      const file = part.slice(colon + 1).trim();
      if (colon < 0 || (kind !== 'inbox' && kind !== 'outbox') || file === '') {
        errors.push(`MAILBOX_SOURCES entry ${quoted}: expected inbox:PATH or outbox:PATH, got ${JSON.stringify(part)}`);
        return null;
      }
      if (source[kind] !== null) {
        errors.push(`MAILBOX_SOURCES entry ${quoted}: ${kind} is given twice`);
        return null;
      }
      checkPath(entry, kind, file, errors);
      if (!existsSync(file)) errors.push(`MAILBOX_SOURCES entry ${quoted}: ${kind} ${file} does not exist`);
      source[kind] = file;
    }
    return source;
  }
  checkPath(entry, 'directory', target, errors);
  if (!existsSync(target)) {
    errors.push(`MAILBOX_SOURCES entry ${quoted}: ${JSON.stringify(target)} does not exist (give a domain's dom_md directory or /dev/<sd_uuid>)`);
    return null;
  }
  if (!statSync(target).isDirectory()) {
    errors.push(`MAILBOX_SOURCES entry ${quoted}: ${JSON.stringify(target)} is not a directory (give a domain's dom_md directory or /dev/<sd_uuid>, or inbox:PATH,outbox:PATH for files)`);
    return null;
  }
  const inbox = path.join(target, 'inbox');
  const outbox = path.join(target, 'outbox');
  source.inbox = existsSync(inbox) ? inbox : null;
  source.outbox = existsSync(outbox) ? outbox : null;
  if (!source.inbox && !source.outbox) {
    errors.push(`MAILBOX_SOURCES entry ${quoted}: ${target} holds neither an inbox nor an outbox`);
    return null;
  }
  return source;
}

function hostNamesOf(env: Env, errors: string[]): HostNames {
  try {
    return parseHostNames(env.MAILBOX_HOST_NAMES);
  } catch (err) {
    if (!(err instanceof HostNamesError)) throw err;
    errors.push(err.message);
    return new Map();
  }
}

export function parseConfig(env: Env = process.env): ConfigResult {
  const errors: string[] = [];
  const maxHostId = integer(env, 'MAILBOX_MAX_HOST_ID', DEFAULT_MAX_HOST_ID, 1, MAX_HOST_ID_LIMIT, errors);
  const pollMs = integer(env, 'MAILBOX_POLL_MS', DEFAULT_POLL_MS, 50, 60_000, errors);
  const readTimeoutMs = integer(env, 'MAILBOX_READ_TIMEOUT_MS', DEFAULT_READ_TIMEOUT_MS, 100, READ_TIMEOUT_MS_LIMIT, errors);
  const hostNames = hostNamesOf(env, errors);
  const sources: SourceConfig[] = [];
  const raw = env.MAILBOX_SOURCES?.trim() ?? '';
  if (raw === 'none') return errors.length > 0 ? { ok: false, errors } : { ok: true, config: { sources, maxHostId, pollMs, readTimeoutMs, hostNames, off: true } };
  for (const entry of raw.split(';').map((e) => e.trim()).filter(Boolean)) {
    const source = parseEntry(entry, errors);
    if (!source) continue;
    if (sources.some((s) => s.id === source.id)) errors.push(`MAILBOX_SOURCES: the name ${JSON.stringify(source.name)} is used twice`);
    else sources.push(source);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: { sources, maxHostId, pollMs, readTimeoutMs, hostNames } };
}
