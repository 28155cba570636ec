/**
 * The opened dump series as reads on the incident timeline: when each step
 * was taken (its files' time), which hosts' inbox mailboxes fail their
 * checksum in it, and which volumes each host asks to extend there (what
 * ties a logged request to its host). Pure: bytes in, plain data out.
 */
import { decodeVolume } from '@/lib/mailbox';
import type { DumpRead, DumpRequest } from '@/lib/vdsm-log/timeline';
import type { SeriesSource } from './opened-set';
import { seriesReads, stepTimes } from './samples';

export function dumpReads(series: readonly SeriesSource[]): DumpRead[] {
  return series.flatMap(({ series: s, source }) => {
    const { reads } = seriesReads(s.steps, (f) => f.bytes!);
    const timesReal = stepTimes(s.steps).warning === null;
    return reads.map((read, i): DumpRead => {
      const step = s.steps[i];
      const bytes = read.inbox?.bytes;
      const inbox = bytes ? decodeVolume(bytes, 'inbox', { maxHostId: source.options.maxHostId }) : null;
      const requests: DumpRequest[] = [];
      for (const host of inbox?.hosts ?? []) {
        for (const slot of host.slots) {
          if (slot.kind === 'extend' && slot.domain && slot.volume) {
            requests.push({ host: host.host, slot: slot.index, domain: slot.domain, volume: slot.volume, sizeMiB: slot.sizeMiB ?? null });
          }
        }
      }
      return {
        source: source.id,
        seq: read.seq,
        at: read.readAt,
        timesReal,
        files: [step.inbox?.name, step.outbox?.name].filter((n): n is string => n !== undefined),
        failing: (inbox?.hosts ?? []).filter((h) => h.state === 'checksum_missing' || h.state === 'checksum_mismatch').map((h) => h.host),
        requests,
      };
    });
  });
}
