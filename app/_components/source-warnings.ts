/**
 * What is wrong with the view itself, said on the source's header where the
 * person is looking: read errors, stale data, reads through the page cache.
 */
import type { SourceInfo, VolumeReadStatus } from '@/lib/api/types';
import type { GridModel } from '@/components/live-grid/grid-model';
import { formatAge, formatClock, formatInterval } from '@/lib/format/units';

export interface Warning {
  severity: 'error' | 'warning';
  text: string;
}

export const STALE_INTERVALS = 3;

function volumeWarnings(kind: 'inbox' | 'outbox', status: VolumeReadStatus | null, now: number): Warning[] {
  if (!status) return [];
  const out: Warning[] = [];
  if (status.error) {
    const lastOk = status.lastOkAt ? Date.parse(status.lastOkAt) : null;
    const since = lastOk === null
      ? 'never read successfully: no data for it'
      : `last successful read at ${formatClock(lastOk)} (${formatAge(now - lastOk)}): what you see is old`;
    out.push({ severity: 'error', text: `${kind} ${status.path}: ${status.error.message} (${status.error.code}); ${since}` });
  } else if (!status.direct) {
    out.push({ severity: 'warning', text: `page cache: ${kind} is not read with O_DIRECT, so what you see may not be what is on the storage` });
  }
  for (const w of status.warnings) out.push({ severity: 'warning', text: `${kind}: ${w}` });
  return out;
}

export function sourceWarnings(source: SourceInfo | null, model: GridModel | undefined, error: Error | undefined, now: number, live: boolean): Warning[] {
  if (!source) return [];
  const out: Warning[] = [];
  const pollMs = source.pollMs;
  if (error) {
    out.push({ severity: 'error', text: `No answer from the inspector server (${error.message}). ${model ? 'Showing the last data received; retrying.' : 'Retrying.'}` });
  }
  if (model) {
    const limit = STALE_INTERVALS * pollMs;
    const unanswered = now - model.confirmedAt;
    const unread = now - model.readSeenAt;
    if (live && !error && unanswered > limit) {
      out.push({ severity: 'error', text: `No answer from the server for ${formatAge(unanswered).replace(' ago', '')} (more than ${STALE_INTERVALS} intervals of ${formatInterval(pollMs)}): the grid may be out of date` });
    } else if (live && unread > limit) {
      out.push({ severity: 'error', text: `No new read for ${formatAge(unread).replace(' ago', '')} (more than ${STALE_INTERVALS} intervals of ${formatInterval(pollMs)}; last read #${model.lastRead.seq} at ${formatClock(Date.parse(model.lastRead.readAt))}): the storage may be hanging` });
    }
    const { snapshot } = model;
    out.push(...volumeWarnings('inbox', snapshot.inbox, now), ...volumeWarnings('outbox', snapshot.outbox, now));
  }
  return out;
}
