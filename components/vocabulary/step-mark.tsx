import type { LifecycleStep } from '@/lib/mailbox';
import { STEP_LOOKS } from './steps';

/** A step's glyph in its colours, the same in the grid, the legend and the detail. */
export function StepMark({ step, withWord = false }: { step: LifecycleStep; withWord?: boolean }) {
  const look = STEP_LOOKS[step];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className="step h-[16px] w-[16px] text-[11px]" data-step={step} aria-hidden>{look.glyph}</span>
      {withWord && <span>{look.word}</span>}
    </span>
  );
}
