/**
 * History and analysis settings, from the environment. Problems come back as
 * sentences naming the variable, like lib/sources/config.ts.
 */
import type { Env } from '@/lib/env';
import { DEFAULT_HISTORY_MAX_MB, DEFAULT_HISTORY_S, DEFAULT_STUCK_S } from './defaults';

export { DEFAULT_HISTORY_MAX_MB, DEFAULT_HISTORY_S, DEFAULT_STUCK_S };

export interface HistorySettings {
  /** MAILBOX_HISTORY_S: how far back reads are kept */
  historyMs: number;
  /** MAILBOX_HISTORY_MAX_MB: cap on the bytes the history accounts for, oldest reads dropped first */
  maxBytes: number;
  /** MAILBOX_STUCK_S: a request with no reply after this long is stuck */
  stuckMs: number;
}

const MIB_BYTES = 1024 * 1024;

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = {
  historyMs: DEFAULT_HISTORY_S * 1000,
  maxBytes: DEFAULT_HISTORY_MAX_MB * MIB_BYTES,
  stuckMs: DEFAULT_STUCK_S * 1000,
};

function number(env: Env, name: string, fallback: number, min: number, max: number, integer: boolean, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    errors.push(`${name}=${JSON.stringify(raw)}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

export type HistorySettingsResult = { ok: true; settings: HistorySettings } | { ok: false; errors: string[] };

export function parseHistorySettings(env: Env = process.env): HistorySettingsResult {
  const errors: string[] = [];
  const historyS = number(env, 'MAILBOX_HISTORY_S', DEFAULT_HISTORY_S, 1, 7 * 24 * 3600, true, errors);
  const maxMb = number(env, 'MAILBOX_HISTORY_MAX_MB', DEFAULT_HISTORY_MAX_MB, 1, 65_536, true, errors);
  const stuckS = number(env, 'MAILBOX_STUCK_S', DEFAULT_STUCK_S, 0.1, 86_400, false, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: { historyMs: historyS * 1000, maxBytes: maxMb * MIB_BYTES, stuckMs: stuckS * 1000 } };
}
