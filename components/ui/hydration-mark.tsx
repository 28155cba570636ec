'use client';

import { useEffect } from 'react';

/**
 * Sets `<html data-hydrated>` once the page has hydrated: from then on it answers clicks and keys. Pages
 * come with content drawn by the server (the live grid's first rows), which is on screen before that.
 * For scripts and tests that act on the page. Rendered by the pages themselves, inside their Suspense
 * boundary: React hydrates such a boundary after the layout, so a mark in the layout said "hydrated"
 * before the page's keys were bound (a test's key press was lost on a loaded machine).
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return null;
}
