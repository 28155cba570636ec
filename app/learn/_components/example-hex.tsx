import { checksum, encodeMailbox, extend, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import { HexView } from '@/components/hex-view/hex-view';
import { FieldLegend } from '@/components/host-detail/field-legend';
import { mailboxRanges } from '@/components/host-detail/mailbox-ranges';

const HOST = 3;
const request = extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128);

function example() {
  const inbox = encodeMailbox({ 0: request });
  inbox.fill(0, MAILBOX_SIZE_BYTES - 4); // the checksum sector did not land
  const outbox = encodeMailbox({ 0: request }, { kind: 'outbox' });
  const sum = { stored: 0, computed: checksum(inbox) };
  return [
    { id: 'inbox', title: `inbox · written by host ${HOST}`, bytes: inbox, ranges: mailboxRanges(inbox, 'inbox', HOST, sum) },
    { id: 'outbox', title: 'outbox · written by the SPM', bytes: outbox, ranges: mailboxRanges(outbox, 'outbox', HOST, null) },
  ];
}

/** The same annotated hex as the host detail, on a mailbox built with the encoders. */
export function ExampleHex() {
  return (
    <div className="space-y-1">
      <FieldLegend />
      <div className="overflow-x-auto">
        <HexView panes={example()} length={MAILBOX_SIZE_BYTES} baseAddress={HOST * MAILBOX_SIZE_BYTES} ruleEvery={SECTOR_SIZE_BYTES} ruleName="sector" />
      </div>
    </div>
  );
}
