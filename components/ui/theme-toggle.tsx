'use client';

import { useLayoutEffect, useState } from 'react';
import { applyTheme, NEXT_THEME, readTheme, type ThemeChoice } from './theme';

const LOOK: Readonly<Record<ThemeChoice, { glyph: string; word: string }>> = {
  system: { glyph: '◐', word: 'auto' },
  dark: { glyph: '☾', word: 'dark' },
  light: { glyph: '☀', word: 'light' },
};

/** Cycles system → dark → light. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  // React resets <html> attributes on dev remounts; re-apply the stored choice.
  useLayoutEffect(() => {
    const stored = readTheme();
    setChoice(stored);
    applyTheme(stored);
  }, []);
  const look = LOOK[choice];
  return (
    <button
      type="button"
      className="btn"
      title={`theme: ${look.word} (click for ${LOOK[NEXT_THEME[choice]].word})`}
      onClick={() => {
        const next = NEXT_THEME[choice];
        applyTheme(next);
        setChoice(next);
      }}
    >
      <span aria-hidden>{look.glyph}</span> {look.word}
    </button>
  );
}
