import { Suspense } from 'react';
import { firstScreen } from '@/lib/api/server/first-screen';
import { preloadMarks } from './fonts/preload-marks';
import { Inspector } from './_components/inspector';
import { parseUrlState } from './_components/url-state';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The live grid. The page is rendered with its first screen: the sources and
 * the first rows of the latest read, so they show at the first paint. The URL
 * is read as the inspector reads it, so the server draws what the page will.
 */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) if (value !== undefined) params.set(name, Array.isArray(value) ? value[0] : value);
  preloadMarks();
  const first = await firstScreen(parseUrlState(params));
  return (
    <Suspense fallback={<p className="p-4 text-muted">Mailbox Inspector: loading…</p>}>
      <Inspector first={first ?? undefined} />
    </Suspense>
  );
}
