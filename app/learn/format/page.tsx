import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import Link from 'next/link';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

export const metadata: Metadata = { title: 'Format reference · Mailbox Inspector' };
// Rendered per request like every page: the Content-Security-Policy's nonce is per request, and a page
// rendered at build time would carry none, so the browser would refuse its scripts. The file is read once.
export const dynamic = 'force-dynamic';

let cached: string | null = null;

/** The project's format reference, docs/format.md, as a page. */
export default function FormatPage() {
  const text = (cached ??= readFileSync(path.join(process.cwd(), 'docs', 'format.md'), 'utf8'));
  return (
    <main className="mx-auto max-w-[60rem] px-6 py-5 text-[14px] leading-relaxed">
      <p className="mb-3 flex gap-4 text-[13px]">
        <Link href="/learn" className="text-(--ink-blue) underline">← the explorable lesson</Link>
        <Link href="/" className="text-(--ink-blue) underline">the live grid</Link>
        <span className="text-muted">source: docs/format.md</span>
      </p>
      <article className="format-doc" data-format-doc="">
        <Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>
      </article>
    </main>
  );
}
