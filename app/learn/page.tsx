import type { Metadata } from 'next';
import Link from 'next/link';
import { Legend } from '@/components/vocabulary/legend';
import { EventSection } from './_components/event-section';
import { FindingsSection } from './_components/findings-section';
import { LifecycleSection } from './_components/lifecycle-section';
import { LogSection } from './_components/log-section';
import { SandboxSection } from './_components/sandbox-section';
import { Section } from './_components/section';
import { SlotsSection } from './_components/slots-section';
import { BugSection, TearSection } from './_components/tear-section';
import { VolumeSection } from './_components/volume-section';
import { WindowSection } from './_components/window-section';

export const metadata: Metadata = { title: 'The mailbox format · Mailbox Inspector' };

const CONTENTS = [
  ['volume', 'the volume and the checksum'],
  ['slots', 'every kind of slot'],
  ['lifecycle', 'a request’s life'],
  ['event', 'mailbox 0, the event block'],
  ['window', 'the read window'],
  ['tears', 'how mailboxes tear'],
  ['bug-1426762', 'bug 1426762'],
  ['log-line', 'a “checksum failed” line'],
  ['sandbox', 'sandbox'],
  ['findings', 'findings'],
  ['legend', 'every mark of the grid'],
] as const;

/**
 * The format for newcomers, explorable: every example's bytes come from the
 * format library's encoders and show in the inspector's own hex view and
 * colours. Static sections work without JavaScript; the stepper, the tear
 * player and the sandbox are small client islands.
 */
export default function LearnPage() {
  return (
    <main className="mx-auto max-w-[90rem] space-y-5 px-6 py-5 text-[13px] leading-relaxed">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-4">
          <h1 className="text-[18px] font-semibold">The vdsm storage mailbox, byte by byte</h1>
          <Link href="/" className="text-(--ink-blue) underline">← the live grid</Link>
          <Link href="/learn/format" className="text-(--ink-blue) underline" data-format-link="">the format reference (text)</Link>
          <Link href="/open" prefetch={false} className="text-(--ink-blue) underline" data-open-link="">open your own dumps, traces or logs</Link>
        </div>
        <p className="max-w-[64rem]">
          When a thin disk of a running VM fills up, the host running the VM (an <b>HSM</b>) asks the pool’s <b>SPM</b> to extend it. They talk
          through two volumes on the master storage domain: each host writes requests into its own mailbox of <b>inbox</b>, the SPM answers in the
          same mailbox of <b>outbox</b>. Every example below is built with the inspector’s own encoder and shown in its own hex view: hover a
          byte to name its field; ▶ <i>see one now</i> opens the live demo at a read that shows one.
        </p>
        <nav aria-label="contents" className="flex flex-wrap gap-x-3 gap-y-1 text-[12px]">
          {CONTENTS.map(([id, words], i) => <a key={id} href={`#${id}`} className="text-(--ink-blue) hover:underline">{i + 1}. {words}</a>)}
        </nav>
      </header>
      <VolumeSection />
      <SlotsSection />
      <LifecycleSection />
      <EventSection />
      <WindowSection />
      <TearSection />
      <BugSection />
      <LogSection />
      <SandboxSection />
      <FindingsSection />
      <Section id="legend" title="Every mark of the grid">
        <Legend />
      </Section>
    </main>
  );
}
