import { decodeSlot, EXTEND_FIELDS, toHex } from '@/lib/mailbox';
import { messageText } from '@/components/vocabulary/slot-line';
import { DOMAIN, slotExamples, type SlotExampleId } from '@/components/learn/examples';
import type { ExampleKind } from '../see/find-example';
import { FieldTable } from './field-table';
import { SlotHex } from './mailbox-hex';
import { Prose, Section, SeeLink } from './section';

const SEE: Partial<Record<SlotExampleId, ExampleKind>> = { request: 'requested', reply: 'replied', failed: 'failed', clean: 'clean' };
const HOST = 3;

/** The UUID as people write it, and the 16 bytes a message holds: the same bytes, reversed. */
function UuidOrder() {
  const bytes = new Uint8Array(64);
  const { domain } = EXTEND_FIELDS;
  domain.codec.write(bytes, domain.offset, domain.length, DOMAIN);
  const stored = toHex(bytes, domain.offset, domain.length).match(/../g)!.join(' ');
  const usual = DOMAIN.replace(/-/g, '').match(/../g)!.join(' ');
  return (
    <table className="font-mono text-[12px]" data-uuid-order="">
      <tbody>
        <tr><th scope="row" className="pr-4 text-left font-sans font-normal text-muted">as people write it</th><td>{DOMAIN}</td></tr>
        <tr><th scope="row" className="pr-4 text-left font-sans font-normal text-muted">its usual 16 bytes (big-endian)</th><td>{usual}</td></tr>
        <tr><th scope="row" className="pr-4 text-left font-sans font-normal text-muted">in a message, bytes 5..20</th><td data-uuid-stored="">{stored}</td></tr>
      </tbody>
    </table>
  );
}

export function SlotsSection() {
  return (
    <Section id="slots" title="Every kind of slot, byte by byte">
      <Prose>
        <p>
          The first byte of a slot says what it holds: <span className="font-mono">00</span> empty, <span className="font-mono">01</span> with
          all 64 bytes <span className="font-mono">01</span> a CLEAN, <span className="font-mono">31</span> (ASCII “1”) a version-1 message whose
          opcode follows. The one opcode is <span className="font-mono">xtnd</span>, “extend this volume”, used both for the request (in the inbox)
          and for the reply (in the outbox, the same slot). Its fields:
        </p>
      </Prose>
      <FieldTable />
      <Prose>
        <p>
          A UUID is stored as its 128-bit integer in <b>little-endian</b> order: the usual bytes reversed, so
          <span className="font-mono"> 8adbc85e-…-8a5465fe5fe1</span> begins with <span className="font-mono">e1 5f fe 65</span> on disk.
          The size is 16 lower-case hex digits of ASCII, in MiB: <span className="font-mono">0000000000000080</span> is 128 MiB.
        </p>
      </Prose>
      <UuidOrder />
      <div className="grid gap-4">
        {slotExamples().map((ex) => {
          const kind = ex.id === 'reply' || ex.id === 'failed' ? 'outbox' : 'inbox';
          const decoded = decodeSlot(ex.bytes, 0, 0);
          return (
            <figure key={ex.id} className="space-y-1" data-slot-example={ex.id}>
              <figcaption className="flex flex-wrap items-baseline gap-x-3">
                <b>{ex.title}</b>
                <span className="text-muted">{ex.where}</span>
                <span className="font-mono text-[12px] text-muted">decoded: {ex.id === 'empty' ? 'empty' : messageText(decoded)}</span>
                {SEE[ex.id] && <SeeLink what={SEE[ex.id]!} />}
              </figcaption>
              <SlotHex example={`slot-${ex.id}`} host={HOST} slot={0} panes={[{ id: ex.id, title: `${kind} · host ${HOST}, slot 0`, kind, bytes: ex.bytes }]} />
            </figure>
          );
        })}
      </div>
    </Section>
  );
}
