/** The element that scrolls `el` (its nearest ancestor with overflow auto or scroll), or the document's. */
export function scrollParent(el: HTMLElement | null): HTMLElement | null {
  for (let at = el?.parentElement ?? null; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return typeof document === 'undefined' ? null : (document.scrollingElement as HTMLElement | null);
}

/** How far below the top of `scroller`'s content `el` starts. */
export function offsetWithin(el: HTMLElement, scroller: HTMLElement): number {
  return el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}
