import type { Metadata } from 'next';
import Link from 'next/link';
import { EXAMPLE_WORDS, isExampleKind } from '../see/find-example';

export const metadata: Metadata = { title: 'Not in the history yet · Mailbox Inspector' };

interface Props {
  searchParams: Promise<{ what?: string; source?: string }>;
}

/** Where "see one now" lands when the source's history holds no such example yet. */
export default async function NotYetPage({ searchParams }: Props) {
  const { what = '', source = 'demo' } = await searchParams;
  const words = isExampleKind(what) ? EXAMPLE_WORDS[what] : 'that example';
  return (
    <main className="mx-auto max-w-[48rem] space-y-3 px-6 py-8 text-[14px] leading-relaxed" data-not-yet={what}>
      <h1 className="text-[18px] font-semibold">No {words} in the history of “{source}” yet</h1>
      <p>
        The inspector keeps every read of the last hour (<code>MAILBOX_HISTORY_S</code>) and looked through all of them.
        The demo pool makes each kind of example every few tens of seconds: try again in a minute, or watch the live
        grid until one appears.
      </p>
      <p className="flex gap-4">
        {isExampleKind(what) && <a className="text-(--ink-blue) underline" href={`/learn/see/${what}?source=${encodeURIComponent(source)}`}>try again</a>}
        <Link className="text-(--ink-blue) underline" href={`/?source=${encodeURIComponent(source)}`}>open the live grid</Link>
        <Link className="text-(--ink-blue) underline" href="/learn">back to the lesson</Link>
      </p>
    </main>
  );
}
