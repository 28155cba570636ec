import 'server-only';
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox/constants';
import { emptyVolume, grouped, tooSmall } from './errors';
import type { IoError, VolumeStat } from './types';

export interface WindowPlan {
  /** whole mailboxes in the window */
  mailboxes: number;
  /** mailboxes × 4096: the bytes handed back */
  windowBytes: number;
  /** windowBytes rounded up to the logical block size: the bytes asked of the kernel */
  readBytes: number;
  warnings: string[];
}

export type PlanResult = { ok: true; plan: WindowPlan } | { ok: false; error: IoError };

export function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/**
 * The window the SPM reads: `requested` mailboxes from offset 0, cut to the whole mailboxes
 * the volume holds, so a read never hands back a partial mailbox.
 */
export function planWindow(stat: VolumeStat, requested: number): PlanResult {
  if (stat.size === 0) return { ok: false, error: emptyVolume(stat.path) };
  const whole = Math.floor(stat.size / MAILBOX_SIZE_BYTES);
  if (whole === 0) return { ok: false, error: tooSmall(stat.path, stat.size, MAILBOX_SIZE_BYTES) };

  const mailboxes = Math.min(requested, whole);
  const windowBytes = mailboxes * MAILBOX_SIZE_BYTES;
  const warnings: string[] = [];
  if (requested > whole) {
    warnings.push(
      `asked for ${grouped(requested)} mailboxes (${grouped(requested * MAILBOX_SIZE_BYTES)} bytes), ` +
        `the volume holds ${grouped(whole)}: read those ${grouped(whole)}`,
    );
  }
  const trailing = stat.size - whole * MAILBOX_SIZE_BYTES;
  if (mailboxes === whole && trailing > 0) {
    warnings.push(
      `volume is ${grouped(stat.size)} bytes: ${grouped(whole)} whole mailboxes, ` +
        `the last ${grouped(trailing)} bytes (a partial mailbox) were not read`,
    );
  }
  // A 4096-byte mailbox is whole 512- or 4096-byte blocks; rounding matters only on larger-block devices.
  const readBytes = roundUp(windowBytes, stat.blockSize);
  return { ok: true, plan: { mailboxes, windowBytes, readBytes, warnings } };
}
