import { DEFAULT_MAX_HOST_ID, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { Prose, Section, SeeLink } from './section';

const n = (v: number) => v.toLocaleString('en-US');

/** The SPM's read window: mailbox 0..maxHostId-1 in one read, and the host just past it. */
export function WindowSection() {
  const max = DEFAULT_MAX_HOST_ID;
  const windowBytes = max * MAILBOX_SIZE_BYTES;
  const cells = [
    { label: 'mailbox 0', what: 'event block', from: 0, tone: 'event' },
    { label: `mailboxes 1..${max - 1}`, what: `hosts 1..${max - 1}`, from: MAILBOX_SIZE_BYTES, tone: 'read' },
    { label: `mailbox ${max}`, what: `host ${max}: never read`, from: windowBytes, tone: 'outside' },
  ];
  return (
    <Section id="window" title={`The read window: why host ${max}’s mail is never read`}>
      <Prose>
        <p>
          The SPM reads mailboxes 0..maxHostId-1 (mailbox 0 is the event block, so hosts 1..maxHostId-1) in one direct read of
          <span className="num"> maxHostId × {MAILBOX_SIZE_BYTES}</span> bytes: with the default maxHostId of {max}, bytes 0..{n(windowBytes - 1)}.
          Host ids run 1..{max}, so host {max} exists, and its mailbox starts at byte <b>{n(windowBytes)}</b>, just past the window: it writes its
          requests, the SPM never reads them, the host waits, resends, and gives up. The inspector reads one mailbox more than the SPM so it can
          say so (⚠ OUTSIDE WINDOW).
        </p>
        <p>
          <b>Where maxHostId comes from:</b> the engine passes it when it starts the SPM on a host (vdsm’s <span className="font-mono">spmStart</span>,
          argument <span className="font-mono">maxHostID</span>); it defaults to sanlock’s largest host id, {max}. The inspector takes it from
          <span className="font-mono"> MAILBOX_MAX_HOST_ID</span> (default {max}).
        </p>
      </Prose>
      <div className="flex max-w-[64rem] font-mono text-[12px]" data-window-diagram="">
        {cells.map((c) => (
          <div key={c.label} className={`border border-line-strong px-2 py-1 ${c.tone === 'read' ? 'flex-[8]' : 'flex-[2]'}`}
            data-window-part={c.tone} style={c.tone === 'outside' ? { background: 'var(--oi-yellow)', color: '#1d1f21' } : undefined}>
            <div>{c.label}</div>
            <div className="font-sans text-muted" style={c.tone === 'outside' ? { color: '#1d1f21' } : undefined}>{c.tone === 'outside' ? '⚠ ' : ''}{c.what}</div>
            <div>byte {n(c.from)}</div>
          </div>
        ))}
      </div>
      <p className="text-[13px]">
        The SPM’s one read ends at byte {n(windowBytes - 1)}. <SeeLink what="outside">host {max}’s mail on the demo</SeeLink>
      </p>
    </Section>
  );
}
