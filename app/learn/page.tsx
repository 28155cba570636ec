import type { Metadata } from 'next';
import Link from 'next/link';
import {
  CHECKSUM_OFFSET_BYTES, DEFAULT_MAX_HOST_ID, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SECTOR_SIZE_BYTES, SLOT_SIZE_BYTES,
} from '@/lib/mailbox';
import { Legend } from '@/components/vocabulary/legend';
import { ExampleHex } from './_components/example-hex';
import { FieldTable } from './_components/field-table';
import { LifecycleTable } from './_components/lifecycle-table';

export const metadata: Metadata = { title: 'The mailbox format · Mailbox Inspector' };

/** A one-page primer for newcomers: the format as the inspector shows it, with its own colours. */
export default function LearnPage() {
  return (
    <main className="mx-auto max-w-[76rem] space-y-6 px-6 py-5 text-[13px] leading-relaxed">
      <header className="flex items-baseline gap-4">
        <h1 className="text-[18px] font-semibold">The vdsm storage mailbox, byte by byte</h1>
        <Link href="/" className="text-(--ink-blue) underline">← back to the live grid</Link>
      </header>

      <section className="max-w-[62rem] space-y-2">
        <p>
          An HSM host asks the SPM to extend a thin disk through two volumes on the master storage domain. Each host
          writes requests into its own mailbox of <b>inbox</b>; the SPM writes replies into the same mailbox of
          <b> outbox</b>. A mailbox is <span className="num">{MAILBOX_SIZE_BYTES}</span> bytes at offset
          <span className="font-mono"> host × {MAILBOX_SIZE_BYTES}</span>: <span className="num">{MESSAGE_SLOTS_PER_MAILBOX}</span> message
          slots of <span className="num">{SLOT_SIZE_BYTES}</span> bytes, then a metadata slot whose last 4 bytes
          (<span className="font-mono">{CHECKSUM_OFFSET_BYTES}..{MAILBOX_SIZE_BYTES - 1}</span>) hold the inbox checksum: the sum of bytes
          0..{CHECKSUM_OFFSET_BYTES - 1}, little-endian. The SPM reads hosts 1..{DEFAULT_MAX_HOST_ID - 1} (mailbox 0 is the event block); mail
          for host {DEFAULT_MAX_HOST_ID} is never read.
        </p>
        <p>
          A mailbox spans {MAILBOX_SIZE_BYTES / SECTOR_SIZE_BYTES} sectors of {SECTOR_SIZE_BYTES} bytes. When storage splits a write into
          sectors, a reader can see new data with an old or missing checksum (in sector 7): a <b>torn</b> mailbox,
          which the SPM drops until the host writes again.
        </p>
      </section>

      <section>
        <h2 className="mb-1 text-[14px] font-semibold">An extend message (64 bytes)</h2>
        <FieldTable />
      </section>

      <section>
        <h2 className="mb-1 text-[14px] font-semibold">Host 3 asks for 128 MiB, the SPM replies, and the checksum sector never lands</h2>
        <ExampleHex />
      </section>

      <section>
        <h2 className="mb-1 text-[14px] font-semibold">A request’s life, slot (h, s)</h2>
        <LifecycleTable />
      </section>

      <section>
        <h2 className="mb-2 text-[14px] font-semibold">Every mark of the grid</h2>
        <Legend />
      </section>
    </main>
  );
}
