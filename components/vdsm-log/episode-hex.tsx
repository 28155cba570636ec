'use client';

import { useMemo } from 'react';
import { HexView } from '@/components/hex-view/hex-view';
import type { HexPane } from '@/components/hex-view/types';
import { mailboxRanges, u32leBytes } from '@/components/host-detail/mailbox-ranges';
import { CHECKSUM_OFFSET_BYTES, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import { fromBase64, mailboxFromLoggedData, type FailureVariant } from '@/lib/vdsm-log';

/** The mailbox a `checksum failed` line carried, coloured like a read; the checksum word is marked as not logged. */
export function EpisodeHex({ mailbox, variant }: { mailbox: number; variant: FailureVariant }) {
  const panes = useMemo<HexPane[]>(() => {
    if (!variant.dataBase64) return [];
    const box = mailboxFromLoggedData(fromBase64(variant.dataBase64));
    const ranges = mailboxRanges(box, 'inbox', mailbox, null).map((r) => (r.offset === CHECKSUM_OFFSET_BYTES
      ? { ...r, label: 'checksum (not in the log)', severity: 'warning' as const,
        note: `checksum: stored value not logged (vdsm#205), shown as 00; vdsm computed ${variant.computed} (${u32leBytes(variant.computed ?? 0)})` }
      : r));
    return [{ id: `log-${mailbox}`, title: `mailbox ${mailbox} as logged at ${variant.firstTime ?? '?'} (${variant.first.file}:${variant.first.line})`, bytes: box, ranges }];
  }, [mailbox, variant]);
  if (panes.length === 0) return <p className="text-muted">The data was cut short in the log: no bytes to show (slots read so far are listed).</p>;
  return (
    <div data-episode-hex={mailbox}>
      <HexView panes={panes} length={MAILBOX_SIZE_BYTES} baseAddress={mailbox * MAILBOX_SIZE_BYTES} ruleEvery={SECTOR_SIZE_BYTES} ruleName="sector" />
    </div>
  );
}
