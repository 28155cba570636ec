import { LOG_AFTER_CUT, LOG_BEFORE_CUT, LOG_CUT_BYTES, LOG_NOTES, type LogPart, type LogPiece } from '@/components/learn/log-line';
import { Prose, Section } from './section';

const ORDER: readonly LogPart[] = ['time', 'level', 'mailbox', 'words', 'data', 'checksum', 'expected', 'source'];
const MARK: Readonly<Record<LogPart, number>> = Object.fromEntries(ORDER.map((p, i) => [p, i + 1])) as Record<LogPart, number>;

function Pieces({ pieces }: { pieces: readonly LogPiece[] }) {
  return pieces.map((p, i) => (p.part
    ? <mark key={i} data-log-part={p.part} className="rounded-sm bg-(--hover) px-0.5 text-fg"><sup className="font-sans text-[10px] text-(--ink-blue)">{MARK[p.part]}</sup>{p.text}</mark>
    : <span key={i}>{p.text}</span>));
}

export function LogSection() {
  return (
    <Section id="log-line" title="A “checksum failed” line from vdsm’s log, annotated">
      <Prose>
        <p>
          What the SPM logs when a mailbox fails its checksum. This line is real (from the test fixture’s run of vdsm’s own code, two hosts writing
          the pre-2017 way); its 4092 data bytes, about 16 KB of text, are cut in the middle.
        </p>
      </Prose>
      <pre className="max-w-full overflow-x-auto whitespace-pre-wrap break-all rounded border border-line bg-panel p-2 font-mono text-[12px]" data-log-line="">
        <Pieces pieces={LOG_BEFORE_CUT} />
        <span className="font-sans text-muted"> … {LOG_CUT_BYTES} more bytes of data, all \x00 … </span>
        <Pieces pieces={LOG_AFTER_CUT} />
      </pre>
      <ol className="max-w-[64rem] list-none space-y-1 text-[13px]">
        {ORDER.map((part) => (
          <li key={part} data-log-note={part}>
            <sup className="text-(--ink-blue)">{MARK[part]}</sup> <b className="font-mono">{part === 'words' ? 'the message' : part}</b>: {LOG_NOTES[part]}
          </li>
        ))}
      </ol>
      <Prose>
        <p>
          To know what was on storage, read the bytes yourself: the inspector shows stored and computed side by side for every mailbox, and keeps
          the failed read in its history.
        </p>
      </Prose>
    </Section>
  );
}
