import { SECTOR_LOOKS } from '@/components/episodes/sector-tags';
import { BadgeList } from './badge-list';
import { StepMark } from './step-mark';
import { STEP_LOOKS, STEP_ORDER } from './steps';

const MAILBOX_MARKS = [
  { badge: { tone: 'failing' as const, glyph: '✗', word: 'FAILING', detail: '' }, hatched: false, meaning: 'checksum wrong now: the SPM drops this mail; no verdict until a valid read comes back (pending…)' },
  { badge: { tone: 'torn' as const, glyph: '✗', word: 'TORN', detail: '' }, hatched: true, meaning: 'proven torn: each 512-byte sector equals the read before or the read after (sectors 0-4 new, 5-7 old)' },
  { badge: { tone: 'corrupt' as const, glyph: '✗', word: 'CORRUPT', detail: '' }, hatched: false, meaning: 'some sector equals neither the read before nor after: not explained by a tear' },
  { badge: { tone: 'stale' as const, glyph: '✗', word: 'STALE', detail: '' }, hatched: false, meaning: 'checksum wrong, but no message the SPM would read: harmless until mail arrives' },
  { badge: { tone: 'outside' as const, glyph: '⚠', word: 'OUTSIDE WINDOW', detail: '' }, hatched: false, meaning: 'mail for a host id ≥ maxHostId: the SPM never reads it' },
  { badge: { tone: 'ok' as const, glyph: '', word: 'ok', detail: '' }, hatched: false, meaning: 'checksum matches; the number is the checksum' },
];

const SECTOR_ORDER = ['new', 'old', 'same', 'neither', 'between', 'changed'] as const;

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
      <div className="flex items-baseline gap-2">
        <span className="inline-flex w-[10.5rem] shrink-0 items-center gap-1.5">
          <span className="step h-[16px] w-[16px] text-[11px]" data-step="requested" data-stuck="" aria-hidden>⏱</span> stuck
        </span>
        <span className="text-muted">a request with no reply after the stuck time (MAILBOX_STUCK_S)</span>
      </div>
      {MAILBOX_MARKS.map(({ badge, hatched, meaning }) => (
        <div key={badge.tone} className="flex items-baseline gap-2">
          <span className={`w-[10.5rem] shrink-0 ${hatched ? 'hatched' : ''}`}><BadgeList badges={[badge]} /></span>
          <span className="text-muted">{meaning}</span>
        </div>
      ))}
      <div className="flex items-baseline gap-2">
        <span className="w-[10.5rem] shrink-0"><span className="episode-chip inline-flex items-center"><span className="episode-word">✗ TORN</span>&nbsp;<span className="num">10:41:07</span></span></span>
        <span className="text-muted">an earlier checksum episode of a mailbox that is fine now: click to see that read</span>
      </div>
      <div className="flex items-baseline gap-2">
        <span className="sector-strip inline-flex w-[10.5rem] shrink-0" aria-hidden>
          {SECTOR_ORDER.map((tone) => <span key={tone} data-sector-tone={tone}>{SECTOR_LOOKS[tone].glyph}</span>)}
        </span>
        <span className="text-muted">
          sectors of a failed read: {SECTOR_ORDER.map((tone) => `${SECTOR_LOOKS[tone].glyph} ${SECTOR_LOOKS[tone].word}`).join(', ')}
        </span>
      </div>
      <div className="flex items-baseline gap-2">
        <span className="row-edge w-[10.5rem] shrink-0 pl-2 text-muted" data-severity="error">▍ edge</span>
        <span className="text-muted">row with a problem: red = error, yellow = warning, grey = info or an earlier one</span>
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
