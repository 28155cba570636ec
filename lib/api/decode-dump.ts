/** The decode endpoint's answer for one uploaded volume. */
import { decodeVolume, type VolumeKind } from '@/lib/mailbox';
import type { DecodeResponse } from './types';

export function decodeDump(bytes: Uint8Array, kind: VolumeKind, maxHostId?: number): DecodeResponse {
  const volume = decodeVolume(bytes, kind, { maxHostId });
  return {
    kind,
    size: volume.size,
    warnings: volume.warnings,
    event: volume.event,
    hosts: volume.hosts.map((h) => ({
      id: h.host,
      state: h.state,
      checksum: h.checksum,
      spmReads: h.spmReads,
      outsideWindow: h.outsideWindow,
      slots: h.slots,
    })),
    findings: volume.findings,
  };
}
