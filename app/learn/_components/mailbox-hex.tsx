import { MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, SLOT_SIZE_BYTES, checksum, storedChecksum, type VolumeKind } from '@/lib/mailbox';
import { HexView } from '@/components/hex-view/hex-view';
import type { HexBand } from '@/components/hex-view/types';
import { FieldLegend } from '@/components/host-detail/field-legend';
import { mailboxRanges } from '@/components/host-detail/mailbox-ranges';
import { slotRanges } from '@/components/learn/slot-ranges';

export interface MailboxSpec {
  id: string;
  title: string;
  kind: VolumeKind;
  bytes: Uint8Array;
  bands?: HexBand[];
}

/** Whole mailboxes side by side, in the host detail's hex view and colours. */
export function MailboxHex({ example, host, panes, legend = true }: { example: string; host: number; panes: readonly MailboxSpec[]; legend?: boolean }) {
  // A pane with bands is wider: give the others an empty band column so their notes line up.
  const anyBands = panes.some((p) => p.bands);
  const hexPanes = panes.map((p) => {
    const sum = p.kind === 'inbox' && host > 0 ? { stored: storedChecksum(p.bytes), computed: checksum(p.bytes) } : null;
    return { id: p.id, title: p.title, bytes: p.bytes, ranges: mailboxRanges(p.bytes, p.kind, host, sum), bands: p.bands ?? (anyBands ? [] : undefined) };
  });
  return (
    <div className="space-y-1" data-example={example}>
      {legend && <FieldLegend />}
      <div className="overflow-x-auto">
        <HexView panes={hexPanes} length={MAILBOX_SIZE_BYTES} baseAddress={host * MAILBOX_SIZE_BYTES} ruleEvery={SECTOR_SIZE_BYTES} ruleName="sector" />
      </div>
    </div>
  );
}

/** One 64-byte slot (or two, inbox and outbox, side by side), at its real address in the volume. */
export function SlotHex({ example, host, slot, panes }: { example: string; host: number; slot: number; panes: ReadonlyArray<{ id: string; title: string; kind: VolumeKind; bytes: Uint8Array }> }) {
  const hexPanes = panes.map((p) => ({ id: p.id, title: p.title, bytes: p.bytes, ranges: slotRanges(p.bytes, p.kind, slot, host) }));
  return (
    <div className="overflow-x-auto" data-example={example}>
      <HexView panes={hexPanes} length={SLOT_SIZE_BYTES} baseAddress={host * MAILBOX_SIZE_BYTES + slot * SLOT_SIZE_BYTES} foldZeros={false} />
    </div>
  );
}
