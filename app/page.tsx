import { Suspense } from 'react';
import { firstScreen, type PageQuery } from '@/lib/api/server/first-screen';
import { Inspector } from './_components/inspector';

/**
 * The live grid. The page is rendered with its first screen: the sources and
 * the first rows of the latest read, so they show at the first paint.
 */
export default async function Page({ searchParams }: { searchParams: Promise<PageQuery> }) {
  const first = await firstScreen(await searchParams);
  return (
    <Suspense fallback={<p className="p-4 text-muted">Mailbox Inspector: loading…</p>}>
      <Inspector first={first ?? undefined} />
    </Suspense>
  );
}
