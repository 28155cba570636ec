import { useEffect, useState } from 'react';

/**
 * True from two animation frames after `ready` first became true, and from then on: two frames after the
 * grid's first answer, its first rows have been drawn and painted.
 */
export function useFramesAfter(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setAfter(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, after]);
  return after;
}
