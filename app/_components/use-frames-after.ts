import { useEffect, useState } from 'react';

/**
 * True from two animation frames after `ready` first became true, and from then on: the grid takes a new
 * view at the next frame (useFrameValue), so two frames after its first answer its first rows are drawn.
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
