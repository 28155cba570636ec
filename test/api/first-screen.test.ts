/**
 * The live page comes with its first rows: the built server renders the
 * first rows the grid draws of the latest read (hosts without mail folded,
 * the host in the URL kept) into the HTML, and none for a past read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMailbox, makePool, request, tornMailbox, type TestPool } from '../support/pool';
import { startServer, type RunningServer } from '../support/server';

let pool: TestPool;
let server: RunningServer;

beforeAll(async () => {
  pool = makePool({
    mailboxes: 11,
    inbox: {
      3: encodeMailbox({ 0: request(3, 0, 128) }),
      7: encodeMailbox({ 1: request(7, 1, 100), 2: request(7, 2, 200) }),
      9: tornMailbox({ 0: request(9, 0, 64) }),
    },
  });
  server = await startServer({ MAILBOX_SOURCES: `pool=${pool.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '100' });
  // the page sends rows once the source has been read
  for (let i = 0; i < 100 && !(await page('')).includes('data-host-id='); i++) await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
  await server?.stop();
  pool?.remove();
});

const page = async (query: string) => (await fetch(`${server.url}/${query}`)).text();

/** The grid's rows in the HTML: host id, mailbox state, and each drawn cell's slot and step. */
function rows(html: string): Array<[number, string, string[]]> {
  return [...html.matchAll(/<div role="row"[^>]*data-host-id="(\d+)" data-mailbox-state="([a-z_]+)"[\s\S]*?(?=<div role="row"|<\/div><\/div><\/div><button|$)/g)]
    .map((m) => [Number(m[1]), m[2], [...m[0].matchAll(/data-slot="(\d+)" data-step="([a-z_]+)"/g)].map((c) => `${c[1]}:${c[2]}`)]);
}

describe('the live page', () => {
  it('comes with the rows the grid draws first: the hosts with mail or a problem, in order, with their cells', async () => {
    const html = await page('?source=pool');
    expect(rows(html)).toEqual([
      [3, 'valid', ['0:requested']],
      [7, 'valid', ['1:requested', '2:requested']],
      [9, 'checksum_missing', ['0:requested']],
    ]);
    expect(html).toContain('the first 3 rows of 10 hosts; the whole read is on its way…');
    expect(html).toContain('aria-rowcount="-1"');
  });

  it('keeps the host named in the URL, mail or not, as the grid does', async () => {
    expect(rows(await page('?source=pool&host=5')).map(([id]) => id)).toEqual([3, 5, 7, 9]);
  });

  it('reads the URL as the page does: what the page ignores, the first screen ignores too', async () => {
    // not a host id to the page (it takes whole numbers only): nothing pinned, else the page would hydrate other rows
    expect(rows(await page('?source=pool&host=5.0')).map(([id]) => id)).toEqual([3, 7, 9]);
    // not a read to the page: the live screen, with its rows
    expect(rows(await page('?source=pool&seq=abc')).map(([id]) => id)).toEqual([3, 7, 9]);
  });

  it('shows the first source for an unknown one, and says so', async () => {
    const html = await page('?source=nope');
    expect(rows(html).map(([id]) => id)).toEqual([3, 7, 9]);
    expect(html.replaceAll('<!-- -->', '')).toContain('No source named “nope” is configured');
  });

  it('sends no live rows with a past read (seq=): they would only flash before it', async () => {
    expect(rows(await page('?source=pool&seq=1'))).toEqual([]);
  });

  it('has the browser ask for the marks\' font with its first bytes: the faces its stylesheet names, in a Link header', async () => {
    const res = await fetch(`${server.url}/`);
    const html = await res.text();
    const preloaded = [...(res.headers.get('link') ?? '').matchAll(/<([^>]+\.woff2)>; rel=preload; as="font"/g)].map((m) => m[1]);
    // the @font-face rules of the page's stylesheets: a preload of another URL would be a second download
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    const named = new Set<string>();
    for (const sheet of sheets) {
      const css = await (await fetch(`${server.url}${sheet}`)).text();
      for (const m of css.matchAll(/@font-face\{[^}]*?src:url\(([^)]+\.woff2)\)/g)) named.add(m[1].replace(/^["']|["']$/g, ''));
    }
    expect(named.size).toBeGreaterThan(0);
    // the regular and bold marks (badges, tallies, counts, the legend), ⤓ and ⏱ ⏸
    for (const face of ['marks-dejavu-sans.', 'marks-dejavu-sans-bold.', 'marks-dejavu-serif.', 'marks-noto-sans-symbols-2.']) {
      expect(preloaded.some((url) => url.includes(`/${face}`)), face).toBe(true);
    }
    for (const url of preloaded) expect([...named].some((n) => n.endsWith(url) || url.endsWith(n.replace(/^\.\.?\//, ''))), url).toBe(true);
  });
});
