'use client';

import { useEffect } from 'react';

/**
 * Sets `<html data-hydrated>` once the page has hydrated: from then on it answers clicks and keys. Pages
 * come with content drawn by the server (the live grid's first rows), which is on screen before that.
 * For scripts and tests that act on the page.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return null;
}
