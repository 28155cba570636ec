import { DEFAULT_MAX_HOST_ID, SLOT_SIZE_BYTES } from '@/lib/mailbox';
import { ChecksumTable } from '@/components/host-detail/checksum-table';
import { messageText } from '@/components/vocabulary/slot-line';
import type { SandboxDecode } from './sandbox-model';

const STATE_WORDS: Readonly<Record<string, string>> = {
  empty: 'nothing to read (an all-zero mailbox is valid, checksum 0)',
  valid: 'the checksum matches, the SPM reads this mail',
  checksum_missing: 'stored 0 but the data is not empty (a torn write?): the SPM drops this mail',
  checksum_mismatch: 'stored and computed differ: the SPM drops this mail',
  in_use: 'mail in it (outbox mailboxes carry no checksum)',
};

const SEVERITY_GLYPH = { error: '✗', warning: '⚠', info: 'ⓘ' } as const;

/** What the inspector makes of the sandbox's bytes: state, both checksums, slots, findings. */
export function SandboxResult({ decoded, onJump }: { decoded: SandboxDecode; onJump: (offset: number) => void }) {
  const { mailbox, findings } = decoded;
  return (
    <div className="space-y-2 text-[12px]" data-sandbox-result="">
      <p>
        <span className="text-muted">state </span>
        <b className="font-mono" data-sandbox-state={mailbox.state}>{mailbox.state}</b>: {STATE_WORDS[mailbox.state]}
        {mailbox.outsideWindow && <span className="badge ml-2" data-tone="outside">⚠ OUTSIDE WINDOW</span>}
      </p>
      {mailbox.checksum ? <ChecksumTable checksum={mailbox.checksum} /> : <p className="text-muted">outbox: no checksum (bytes 4092..4095 should stay 0)</p>}
      <div>
        <h4 className="font-semibold text-muted">slots ({mailbox.slots.length} not empty)</h4>
        <ul className="max-h-[9rem] overflow-y-auto font-mono" data-sandbox-slots="">
          {mailbox.slots.map((s) => (
            <li key={s.index} data-sandbox-slot={s.index} data-kind={s.kind}>
              <button type="button" className="text-left hover:underline" onClick={() => onJump(s.index * SLOT_SIZE_BYTES)}>slot {s.index}: {messageText(s)}</button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="font-semibold text-muted">findings ({findings.length})</h4>
        <ul className="space-y-0.5" data-sandbox-findings="">
          {findings.length === 0 && <li className="text-faint">none</li>}
          {findings.map((f, i) => (
            <li key={i} data-finding={f.id} data-severity={f.severity}>
              <button type="button" className="text-left hover:underline" onClick={() => onJump(f.offset)}>
                <span className={f.severity === 'error' ? 'font-semibold text-(--ink-vermillion)' : f.severity === 'warning' ? 'text-(--ink-orange)' : 'text-muted'}>
                  {SEVERITY_GLYPH[f.severity]} {f.severity} <span className="font-mono">{f.id}</span>
                </span>{' '}
                {f.message} <span className="text-muted">({f.title})</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <p className="text-faint">the SPM reads hosts 1..{DEFAULT_MAX_HOST_ID - 1}</p>
    </div>
  );
}
