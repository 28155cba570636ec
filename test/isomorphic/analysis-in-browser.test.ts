/**
 * The history and analysis modules are pure: bundled for the browser (no
 * Node built-ins can resolve there) they run in Chromium and give exactly the
 * answers they give on the server, on real vdsm traces and dumps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser';
import { FIXTURES } from '../support/fixtures';
import { analyseDumps, analyseTrace, answerDumps, type DumpInput } from './analysis-entry';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'analysis-entry.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'analysis',
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('history and analysis in the browser', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const code = await bundle();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectErrors(page);
    await page.setContent('<!doctype html><title>analysis</title>');
    await page.addScriptTag({ content: code });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('bundles for the browser: nothing in lib/history, lib/analysis, lib/report, lib/api\'s endpoints, lib/offline or lib/replay needs Node or a server-only module', async () => {
    const result = await build({
      stdin: {
        contents: ['history/source-history', 'history/store', 'report/incident-markdown', 'api/endpoints/index', 'analysis/episodes', 'offline/samples', 'replay/trace-player']
          .map((m) => `export * from '@/lib/${m}';`).join('\n'),
        resolveDir: ROOT,
      },
      bundle: true, write: false, platform: 'browser', alias: { '@': ROOT }, logLevel: 'silent', metafile: true,
    });
    const inputs = Object.keys(result.metafile!.inputs);
    const serverOnly = inputs.filter((i) => i.endsWith('.ts') && /^import 'server-only';/m.test(readFileSync(path.join(ROOT, i), 'utf8')));
    expect(inputs.filter((i) => /^node:|lib\/(io|metrics)\//.test(i))).toEqual([]);
    expect(serverOnly).toEqual([]);
    expect(inputs).toContain('lib/api/endpoints/index.ts');
  });

  for (const name of ['torn-pre2017', 'busy']) {
    it(`replays ${name} to the same reads, episodes and requests in Chromium as in Node`, async () => {
      const text = readFileSync(path.join(FIXTURES, 'vdsm-trace', name, 'trace.jsonl'), 'utf8');
      const inNode = analyseTrace(text);
      const inBrowser = await page.evaluate((t) => (window as any).analysis.analyseTrace(t), text);
      expect(inNode.entries.length).toBeGreaterThan(5);
      expect(inBrowser).toEqual(inNode);
      expect(errors).toEqual([]);
    });
  }

  it('proves the same tear from three dumps in Chromium as in Node', async () => {
    const dir = path.join(FIXTURES, 'torn/torn-1426762');
    const dumps: DumpInput[] = ['inbox.before', 'inbox', 'inbox.after', 'outbox'].map((name, i) => ({
      name, lastModified: 1_000 * (i + 1), base64: readFileSync(path.join(dir, name)).toString('base64'),
    }));
    const inNode = analyseDumps(dumps);
    const inBrowser = await page.evaluate((d) => (window as any).analysis.analyseDumps(d), dumps);
    expect(inNode.episodes).toHaveLength(1);
    expect(inNode.episodes[0].verdict).toBe('torn');
    expect(inBrowser).toEqual(inNode);
  });

  it("answers the screen's API requests for opened dumps in Chromium exactly as in Node", async () => {
    const dir = path.join(FIXTURES, 'torn/torn-1426762');
    const dumps: DumpInput[] = ['inbox.before', 'inbox', 'inbox.after', 'outbox'].map((name, i) => ({
      name, lastModified: 1_000 * (i + 1), base64: readFileSync(path.join(dir, name)).toString('base64'),
    }));
    const base = '/api/sources/files';
    const urls = ['/api/sources', `${base}/snapshot`, `${base}/snapshot?seq=2&view=grid`, `${base}/history`, `${base}/episodes`,
      `${base}/requests`, `${base}/mailbox/7?seq=2`, `${base}/export?volume=inbox`, `${base}/export?format=json&seq=2`, `${base}/incident`];
    const inNode = await answerDumps(dumps, urls);
    const inBrowser = await page.evaluate(([d, u]) => (window as any).analysis.answerDumps(d, u), [dumps, urls] as const);
    expect(Object.values(inNode).map((a) => a.status)).toEqual(urls.map(() => 200));
    expect(inNode[`${base}/incident`].body).toContain('TORN');
    // Compared answer by answer, so a difference names its URL (the bodies are long); the summary says when it was made.
    const made = (a: { status: number; body: string }) => ({ ...a, body: a.body.replace(/Mailbox Inspector, [\d-]+ [\d:.]+ UTC/, 'Mailbox Inspector, (when)') });
    for (const url of urls) expect({ url, ...made(inBrowser[url]) }).toEqual({ url, ...made(inNode[url]) });
    expect(errors).toEqual([]);
  });
});
