'use client';

import { useMemo, useState } from 'react';
import { SLOT_SIZE_BYTES } from '@/lib/mailbox';
import { HexView } from '@/components/hex-view/hex-view';
import { StepMark } from '@/components/vocabulary/step-mark';
import { lifeSteps } from './lifecycle-steps';
import { slotRanges } from './slot-ranges';
import { stepKeys } from './use-step-keys';

const HOST = 3;
const SLOT = 0;

/** A request's life in slot (h, s): both slots side by side at each step; arrows or the buttons move. */
export function RequestStepper() {
  const [fails, setFails] = useState(false);
  const [index, setIndex] = useState(0);
  const steps = useMemo(() => lifeSteps(fails), [fails]);
  const step = steps[index];
  const previous = index > 0 ? steps[index - 1] : null;
  const panes = useMemo(() => [
    { id: 'inbox', title: `inbox · slot (${HOST}, ${SLOT}), written by the host`, bytes: step.inbox, previous: previous?.inbox, ranges: slotRanges(step.inbox, 'inbox', SLOT, HOST) },
    { id: 'outbox', title: `outbox · slot (${HOST}, ${SLOT}), written by the SPM`, bytes: step.outbox, previous: previous?.outbox, ranges: slotRanges(step.outbox, 'outbox', SLOT, HOST) },
  ], [step, previous]);

  return (
    <div
      role="group" aria-label="a request's life, step by step (arrow keys move)" tabIndex={0}
      className="space-y-2 rounded border border-line p-3 focus:outline-2 focus:outline-(--focus)"
      data-stepper="" data-step-index={index} data-current-step={step.step ?? 'none'}
      onKeyDown={stepKeys(index, steps.length, setIndex)}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted">the extend</span>
        <button type="button" className="btn" aria-pressed={!fails} onClick={() => setFails(false)}>✓ succeeds</button>
        <button type="button" className="btn" aria-pressed={fails} onClick={() => setFails(true)} data-stepper-fails="">✗ fails (size 0)</button>
      </div>
      <ol className="flex flex-wrap gap-1" aria-label="steps">
        {steps.map((s, i) => (
          <li key={i}>
            <button type="button" className="btn" aria-current={i === index ? 'step' : undefined} aria-pressed={i === index} onClick={() => setIndex(i)}>
              {i}. {s.title}
            </button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0}>◀ previous</button>
        <button type="button" className="btn" onClick={() => setIndex(Math.min(steps.length - 1, index + 1))} disabled={index === steps.length - 1}>next ▶</button>
        <span className="text-[12px] text-muted">or ← → Home End</span>
        <span className="ml-2">the grid shows: {step.step ? <StepMark step={step.step} withWord /> : <span className="text-faint">nothing (both empty)</span>}</span>
      </div>
      <p aria-live="polite" data-step-did="">
        <b>{index}. {step.title}.</b> {step.writer ? <>The <b>{step.writer}</b> {step.did}.</> : step.did}{' '}
        <span className="text-muted">When: {step.when}.</span>
      </p>
      <div className="overflow-x-auto">
        <HexView panes={panes} length={SLOT_SIZE_BYTES} baseAddress={HOST * 4096 + SLOT * SLOT_SIZE_BYTES} foldZeros={false} />
      </div>
      <p className="text-[12px]"><span className="hex"><span data-changed="" className="px-1 font-mono">00</span></span> outlined: written at this step</p>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-[13px]">
        <dt className="text-muted">the host checks</dt><dd>{step.hostChecks}</dd>
        <dt className="text-muted">the SPM checks</dt><dd>{step.spmChecks}</dd>
      </dl>
    </div>
  );
}
