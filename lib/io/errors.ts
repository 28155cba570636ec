import 'server-only';
import type { IoError } from './types';

/** 41000 → "41,000": sizes in messages are read by people. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

export function errnoOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What to try, by kind of volume, when the process may not read it. */
function permissionHint(blockDevice: boolean | undefined): string {
  if (blockDevice) return 'run as a user in the disk group, or as root';
  if (blockDevice === false) {
    return 'run as vdsm or a user in the kvm group, or as root; NFS with root_squash refuses root';
  }
  return 'run as a user in the disk group (block domains) or the kvm group (file domains), or as root';
}

/** Maps a system error from stat, open or read to a stable code and a message naming the path. */
export function fromSystemError(path: string, err: unknown, blockDevice?: boolean): IoError {
  const errno = errnoOf(err);
  switch (errno) {
    case 'ENOENT':
    case 'ENOTDIR':
      // /dev/<vg>/<lv> links exist only while the LV is active; file domains vanish when unmounted.
      return path.startsWith('/dev/')
        ? { code: 'not_found', errno, message: `${path}: no such device (is the domain's VG active? lvs shows its LVs; check the path in MAILBOX_SOURCES)` }
        : { code: 'not_found', errno, message: `${path}: no such file (is the storage domain mounted? check the path in MAILBOX_SOURCES)` };
    case 'ENXIO':
    case 'ENODEV':
      return { code: 'not_found', errno, message: `${path}: no such device (is the LV active? lvs shows it; check the path in MAILBOX_SOURCES)` };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permission_denied', errno, message: `${path}: permission denied (${permissionHint(blockDevice)})` };
    case 'EIO':
      return { code: 'io_error', errno, message: `${path}: I/O error (the storage did not answer the read: check its connection, e.g. dmesg, multipath -ll, the NFS mount)` };
    case 'EISDIR':
      return notAVolume(path, 'a directory', errno);
    default:
      return unknownError(path, `unexpected error: ${err instanceof Error ? err.message : String(err)}`, errno);
  }
}

export function notAVolume(path: string, what: string, errno?: string): IoError {
  const message =
    `${path}: is ${what}, not a regular file or block device ` +
    '(point at the inbox or outbox volume: /dev/<domain>/inbox or <mount>/<domain>/dom_md/inbox)';
  return errno ? { code: 'not_a_volume', errno, message } : { code: 'not_a_volume', message };
}

export function emptyVolume(path: string): IoError {
  return { code: 'empty', message: `${path}: the volume is empty (0 bytes; a live one is 16 MiB: check the path, or copy the dump again)` };
}

export function tooSmall(path: string, sizeBytes: number, mailboxBytes: number): IoError {
  return {
    code: 'too_small',
    message: `${path}: the volume is ${grouped(sizeBytes)} bytes, less than one ${grouped(mailboxBytes)}-byte mailbox (a truncated copy, or not a mailbox volume?)`,
  };
}

export function shortRead(path: string, gotBytes: number, askedBytes: number): IoError {
  return {
    code: 'short_read',
    message: `${path}: short read: asked for ${grouped(askedBytes)} bytes, got ${grouped(gotBytes)} (did the volume shrink or go away? the next read will tell)`,
  };
}

export function unknownError(path: string, detail: string, errno?: string): IoError {
  const message = `${path}: ${detail}`;
  return errno ? { code: 'unknown', errno, message } : { code: 'unknown', message };
}

/** 12345 → "12 s": how long a volume has not answered. */
function seconds(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))} s`;
}

export function hanging(path: string, waitedMs: number): IoError {
  return {
    code: 'hanging',
    message: `no answer from ${path} for ${seconds(waitedMs)} (the storage stopped answering: check its connection, ` +
      'e.g. the NFS mount, multipath -ll, dmesg; no new read is stacked on it, reading resumes when it answers)',
  };
}

export function identityChanged(path: string, was: string, now: string): IoError {
  return {
    code: 'identity_changed',
    message: `${path} now leads to a different volume (${now}, was ${was}): its bytes are not shown as this source's mailboxes ` +
      '(was the path replaced or re-linked? if the change is intended, restart the inspector)',
  };
}
