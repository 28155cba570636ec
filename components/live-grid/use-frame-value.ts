import { useEffect, useState } from 'react';

/**
 * `value`, passed on at the next animation frame: updates that arrive within
 * one frame (a poll's answer, a filter, the episodes) are drawn once.
 */
export function useFrameValue<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const frame = requestAnimationFrame(() => setShown(value));
    return () => cancelAnimationFrame(frame);
  }, [value, shown]);
  return shown;
}
