import type { LifecycleStep } from '@/lib/mailbox';
import { STEP_LOOKS } from '@/components/vocabulary/steps';
import type { CellModel } from './row-model';

/** "≠ 21 ✗ 1": how many of a row's slots are in a problem step, in the row's own words. */
export function StepTally({ cells }: { cells: readonly CellModel[] }) {
  const tally = new Map<LifecycleStep, number>();
  for (const c of cells) if (STEP_LOOKS[c.step].problem) tally.set(c.step, (tally.get(c.step) ?? 0) + 1);
  if (tally.size === 0) return null;
  return (
    <span className="flex min-w-0 gap-1 overflow-hidden">
      {[...tally].map(([step, n]) => (
        <span key={step} className="step shrink-0 px-1 text-[11px]" data-step={step} title={`${n} ${STEP_LOOKS[step].word}: ${STEP_LOOKS[step].meaning}`}>
          {STEP_LOOKS[step].glyph} {n} {STEP_LOOKS[step].word}
        </span>
      ))}
    </span>
  );
}
