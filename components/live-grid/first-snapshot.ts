/**
 * The grid's first whole answer, asked for as soon as the page's HTML
 * arrives: an inline script in <head> starts it while the page's scripts load
 * and start, and the snapshot fetcher takes it for its first request of the
 * same URL. The page comes with its first rows (first-screen.ts); on a big
 * pool this answer is the slowest part of the rest (the whole grid: the server
 * catches up the hosts changed since anyone last asked, then the browser
 * parses it), and it does not wait for the page to start. Only when the URL
 * names the source (`?source=`) on the live screen: otherwise the page asks
 * as before.
 */

/** Where the script leaves the request: a window global, taken once. */
const GLOBAL = '__mailboxFirstSnapshot';

interface FirstSnapshot {
  url: string;
  response: Promise<Response>;
}

/** Runs in <head>: on the live screen with a source named, starts the fetch the grid would make first (useLiveSnapshot's URL, without `wait=`). */
export const FIRST_SNAPSHOT_SCRIPT = `try{if(location.pathname==="/"){var s=new URLSearchParams(location.search).get("source");` +
  `if(s){var u="/api/sources/"+encodeURIComponent(s)+"/snapshot?view=cells";` +
  `window[${JSON.stringify(GLOBAL)}]={url:u,response:fetch(u,{cache:"no-store"})}}}}catch(e){}`;

/** The early request for `url`, once (a later ask fetches afresh); null when there is none for it. */
export function takeFirstSnapshot(url: string): Promise<Response> | null {
  if (typeof window === 'undefined') return null;
  const holder = window as unknown as Record<string, FirstSnapshot | undefined>;
  const early = holder[GLOBAL];
  if (!early || early.url !== url) return null;
  holder[GLOBAL] = undefined;
  return early.response;
}
