import { RequestStepper } from '@/components/learn/request-stepper';
import { LifecycleTable } from './lifecycle-table';
import { Prose, Section, SeeLink } from './section';

export function LifecycleSection() {
  return (
    <Section id="lifecycle" title="A request’s life: two slots, four writes">
      <Prose>
        <p>
          A request and its reply live in the <b>same slot of the same host’s mailbox</b>, one in each volume: host <i>h</i> writes slot
          <i> s</i> of its inbox mailbox, the SPM answers in slot <i>s</i> of host <i>h</i>’s outbox mailbox. The reply repeats the request’s
          bytes 0..36 (version, opcode, domain, volume) and carries the size reached; the host accepts it only if those 37 bytes are equal.
          A reply of <b>size 0</b> means the extend failed. Then each side acknowledges with a CLEAN, and the host frees the slot.
          Each side acts only on slots whose 64 bytes changed since its previous read.
        </p>
      </Prose>
      <RequestStepper />
      <p className="flex flex-wrap items-center gap-2 text-[13px]">
        On the demo: <SeeLink what="requested">a waiting request</SeeLink> <SeeLink what="replied">a reply</SeeLink>
        <SeeLink what="failed">a failed reply</SeeLink> <SeeLink what="clean">a CLEAN</SeeLink>
      </p>
      <h3 className="pt-1 text-[13px] font-semibold">All the steps at once</h3>
      <LifecycleTable />
    </Section>
  );
}
