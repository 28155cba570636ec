import {
  CHECKSUM_OFFSET_BYTES, EXTEND_FIELD_LIST, MAILBOX_FIELD_LIST, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES,
  checksum, encodeMessage,
} from '@/lib/mailbox';
import { u32leBytes } from '@/components/host-detail/mailbox-ranges';
import { mailboxWith, REPLY, REQUEST } from '@/components/learn/examples';
import { MailboxHex } from './mailbox-hex';
import { Prose, Section } from './section';

const HOST = 3;

/** The sum of a request's bytes, field by field: the checksum is nothing more. */
function ChecksumSum() {
  const bytes = encodeMessage(REQUEST);
  const rows = EXTEND_FIELD_LIST.map((f) => {
    let sum = 0;
    for (let i = f.offset; i < f.offset + f.length; i++) sum += bytes[i];
    return { id: f.id, label: f.label, sum };
  });
  const total = rows.reduce((a, r) => a + r.sum, 0);
  return (
    <table className="text-[12px]" data-checksum-sum="">
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-line">
            <td className="pr-4">{r.label}</td>
            <td className="num pr-2">{r.sum}</td>
          </tr>
        ))}
        <tr className="font-semibold">
          <td className="pr-4">slot 0, and so the whole mailbox (every other byte is 0)</td>
          <td className="num pr-2" data-total={total}>{total}</td>
          <td className="font-mono text-muted">= 0x{total.toString(16)} → stored as <b>{u32leBytes(total)}</b></td>
        </tr>
      </tbody>
    </table>
  );
}

export function VolumeSection() {
  const inbox = mailboxWith(0, REQUEST);
  const outbox = mailboxWith(0, REPLY, 'outbox');
  const computed = checksum(inbox);
  return (
    <Section id="volume" title="The volume: 4096-byte mailboxes, 64-byte slots, one checksum">
      <Prose>
        <p>
          Both volumes, <b>inbox</b> (hosts → SPM) and <b>outbox</b> (SPM → hosts), are arrays of mailboxes of
          <span className="num"> {MAILBOX_SIZE_BYTES}</span> bytes. Host <i>k</i> owns mailbox <i>k</i>, at byte
          <span className="font-mono"> k × {MAILBOX_SIZE_BYTES}</span> of each volume (host 3: byte {3 * MAILBOX_SIZE_BYTES}). A mailbox
          is 64 slots of {SLOT_SIZE_BYTES} bytes: slots 0..{MESSAGE_SLOTS_PER_MAILBOX - 1} carry messages, slot 63 is metadata of which
          only the last 4 bytes are used.
        </p>
      </Prose>
      <table className="text-[12px]" aria-label="mailbox layout">
        <thead className="text-left text-muted">
          <tr className="border-b border-line-strong"><th className="pr-4 text-right font-semibold">bytes</th><th className="pr-4 font-semibold">what</th></tr>
        </thead>
        <tbody>
          {MAILBOX_FIELD_LIST.map((f) => (
            <tr key={f.id} className="border-b border-line"><td className="num pr-4">{f.offset}..{f.offset + f.length - 1}</td><td>{f.label}</td></tr>
          ))}
        </tbody>
      </table>
      <Prose>
        <p>
          <b>The checksum</b> (inbox mailboxes only) is the sum of the <b>unsigned</b> bytes 0..{CHECKSUM_OFFSET_BYTES - 1}{' '}
          (each counts 0..255: <span className="font-mono">0xe1</span> adds 225, never −31), kept to <b>32 bits</b> (sum &amp; 0xFFFFFFFF;
          a mailbox of all 0xff sums to {(CHECKSUM_OFFSET_BYTES * 255).toLocaleString('en-US')}, so it never wraps), stored
          <b> little-endian</b> in bytes {CHECKSUM_OFFSET_BYTES}..{MAILBOX_SIZE_BYTES - 1}, lowest byte first. An all-zero mailbox sums to 0 and
          stores 0: it is <b>valid</b>, and empty. The SPM checks a mailbox only when one of its slots has a non-zero first byte, and if the
          sum does not match it drops all of that mailbox’s mail for this read. Outbox mailboxes carry no checksum: the SPM writes
          none and hosts check none.
        </p>
        <p>Host {HOST} asks for 128 MiB in slot 0. Its checksum is the sum of that slot’s bytes, field by field:</p>
      </Prose>
      <ChecksumSum />
      <MailboxHex example="volume" host={HOST} panes={[
        { id: 'inbox', title: `inbox · host ${HOST}'s mailbox, checksum ${computed}`, kind: 'inbox', bytes: inbox },
        { id: 'outbox', title: `outbox · host ${HOST}'s mailbox, the SPM's reply`, kind: 'outbox', bytes: outbox },
      ]} />
    </Section>
  );
}
