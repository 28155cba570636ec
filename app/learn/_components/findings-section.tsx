import { FINDING_KINDS, type FindingGroup, type FindingId } from '@/lib/mailbox';
import { Prose, Section } from './section';

const GROUP_WORDS: Readonly<Record<FindingGroup, string>> = {
  slot: 'one 64-byte slot', mailbox: 'one 4096-byte mailbox', event: 'mailbox 0, the event block', volume: 'the whole volume',
};
const SEVERITY_GLYPH = { error: '✗', warning: '⚠', info: 'ⓘ' } as const;
const GROUPS: readonly FindingGroup[] = ['slot', 'mailbox', 'event', 'volume'];

/** Every finding the decoder can report, registered once (lib/mailbox/findings.ts), as Wireshark lists its expert infos. */
export function FindingsSection() {
  const ids = Object.keys(FINDING_KINDS) as FindingId[];
  return (
    <Section id="findings" title="Findings: everything the decoder can say is wrong">
      <Prose>
        <p>
          The decoder never refuses bytes. What it cannot accept becomes a <b>finding</b>, with a stable id, a group, a severity and a message
          worded “expected X, got Y” that points at the bytes. The grid’s marks, the host detail and the sandbox above all show these.
        </p>
      </Prose>
      <table className="text-[12px]" aria-label="registered findings" data-findings-table="">
        <thead className="text-left text-muted">
          <tr className="border-b border-line-strong">
            <th className="pr-4 font-semibold">id</th><th className="pr-4 font-semibold">group</th><th className="pr-4 font-semibold">severity</th><th className="font-semibold">what it means</th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.flatMap((group) => ids.filter((id) => FINDING_KINDS[id].group === group).map((id) => {
            const k = FINDING_KINDS[id];
            return (
              <tr key={id} className="border-b border-line" data-finding-kind={id}>
                <td className="pr-4 font-mono">{id}</td>
                <td className="pr-4 text-muted" title={GROUP_WORDS[group]}>{group}</td>
                <td className={`pr-4 ${k.severity === 'error' ? 'font-semibold text-(--ink-vermillion)' : k.severity === 'warning' ? 'text-(--ink-orange)' : 'text-muted'}`}>
                  {SEVERITY_GLYPH[k.severity]} {k.severity}
                </td>
                <td>{k.title}</td>
              </tr>
            );
          }))}
        </tbody>
      </table>
    </Section>
  );
}
