import { BadgeList } from './badge-list';
import { StepMark } from './step-mark';
import { STEP_LOOKS, STEP_ORDER } from './steps';

const MAILBOX_MARKS = [
  { badge: { tone: 'torn' as const, glyph: '✗', word: 'TORN', detail: '' }, hatched: true, meaning: 'checksum 0 but data present: a write landed partly; the SPM drops this mail' },
  { badge: { tone: 'corrupt' as const, glyph: '✗', word: 'CHECKSUM', detail: '' }, hatched: false, meaning: 'stored checksum ≠ sum of the data (stale checksum or corruption); the SPM drops this mail' },
  { badge: { tone: 'stale' as const, glyph: '✗', word: 'STALE', detail: '' }, hatched: false, meaning: 'checksum wrong, but no message the SPM would read: harmless until mail arrives' },
  { badge: { tone: 'outside' as const, glyph: '⚠', word: 'OUTSIDE WINDOW', detail: '' }, hatched: false, meaning: 'mail for a host id ≥ maxHostId: the SPM never reads it' },
  { badge: { tone: 'ok' as const, glyph: '', word: 'ok', detail: '' }, hatched: false, meaning: 'checksum matches; the number is the checksum' },
];

/** Every colour and mark of the grid, one line each. */
export function Legend() {
  return (
    <section aria-label="legend" className="grid grid-cols-[repeat(auto-fill,minmax(28rem,1fr))] gap-x-6 gap-y-0.5 text-[12px]">
      {STEP_ORDER.map((step) => (
        <div key={step} className="flex items-baseline gap-2">
          <span className="w-[10.5rem] shrink-0"><StepMark step={step} withWord /></span>
          <span className="text-muted">{STEP_LOOKS[step].meaning}</span>
        </div>
      ))}
      {MAILBOX_MARKS.map(({ badge, hatched, meaning }) => (
        <div key={badge.tone} className="flex items-baseline gap-2">
          <span className={`w-[10.5rem] shrink-0 ${hatched ? 'hatched' : ''}`}><BadgeList badges={[badge]} /></span>
          <span className="text-muted">{meaning}</span>
        </div>
      ))}
      <div className="flex items-baseline gap-2">
        <span className="row-edge w-[10.5rem] shrink-0 pl-2 text-muted" data-severity="error">▍ edge</span>
        <span className="text-muted">row with a problem: red = error, yellow = warning, grey = info finding</span>
      </div>
      <div className="flex items-baseline gap-2">
        <span className="w-[10.5rem] shrink-0 text-muted">│ every 8 slots</span>
        <span className="text-muted">one 512-byte sector; torn writes split mailboxes at these lines</span>
      </div>
      <div className="flex items-baseline gap-2">
        <span className="w-[10.5rem] shrink-0"><span className="step h-[16px] w-[16px] text-[11px]" data-step="requested" style={{ boxShadow: '0 0 0 2px var(--fg)' }} aria-hidden>▲</span></span>
        <span className="text-muted">a brief outline: the cell changed at the last read</span>
      </div>
    </section>
  );
}
