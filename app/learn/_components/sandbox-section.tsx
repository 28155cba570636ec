import { Sandbox } from '@/components/learn/sandbox';
import { Prose, Section } from './section';

export function SandboxSection() {
  return (
    <Section id="sandbox" title="Sandbox: change a byte, watch the checksum">
      <Prose>
        <p>
          One inbox (or outbox) mailbox, decoded by the inspector’s own decoder after every change. Click a byte and type two hex digits, or build a
          message from its fields. Try: change one digit of the size without storing the checksum (a mismatch); put <span className="font-mono">00</span> in
          bytes 4092..4095 of a mailbox with mail (the torn look of bug 1426762); make host {250} (outside the window). Download the result and open
          it with <span className="font-mono">hexdump -C</span>, or point the inspector at it.
        </p>
      </Prose>
      <noscript><p className="text-(--ink-vermillion)">The sandbox needs JavaScript; everything else on this page works without it.</p></noscript>
      <Sandbox />
    </Section>
  );
}
