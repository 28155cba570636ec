import { EVENT_FIELDS } from '@/lib/mailbox';
import { EVENT_UUID, eventBlock } from '@/components/learn/examples';
import { MailboxHex } from './mailbox-hex';
import { Prose, Section } from './section';

export function EventSection() {
  const { magic, uuid } = EVENT_FIELDS;
  return (
    <Section id="event" title="Mailbox 0: the event block">
      <Prose>
        <p>
          Host ids start at 1, so mailbox 0 of the inbox belongs to no host. Since 2022 it is the <b>event block</b>: after sending mail,
          a host overwrites all 4096 bytes of it with <span className="font-mono">00 65 76 74</span> (“\0evt”, bytes {magic.offset}..{magic.offset + magic.length - 1})
          and a fresh random UUID (bytes {uuid.offset}..{uuid.offset + uuid.length - 1}, in the <b>usual</b> big-endian byte order this time, unlike
          messages), the rest zero, no checksum.
        </p>
        <p>
          <b>Why:</b> the SPM reads all the mail every 2 seconds (its monitor interval), but between those reads it looks at just this block every
          0.5 s. A UUID it has not seen wakes it to read all mailboxes at once, so a request is seen in about half a second instead of up to two.
          The UUID is random so that two hosts writing at once still leave a new value.
        </p>
        <p>
          <b>Why the mail scanner ignores it:</b> the scanner reads the first byte of every slot, mailbox 0 included, and a first byte of 0 means
          “empty slot”. The event block begins with 0, its slots 1..63 are all zero: nothing to read, and no checksum to check.
        </p>
      </Prose>
      <MailboxHex example="event" host={0} panes={[{ id: 'event', title: `inbox · mailbox 0, event ${EVENT_UUID}`, kind: 'inbox', bytes: eventBlock() }]} />
    </Section>
  );
}
