import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { FIRST_SNAPSHOT_SCRIPT } from '@/components/live-grid/first-snapshot';
import { THEME_SCRIPT } from '@/components/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Mailbox Inspector',
  description: 'Live view of oVirt vdsm storage mailboxes (inbox/outbox): requests, replies, checksums, torn writes.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's nonce lets this inline script past the Content-Security-Policy (and makes pages render per request).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before the first paint; React must not undo it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* The live grid's first answer, asked for before the page's scripts have loaded. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: FIRST_SNAPSHOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-bg font-sans text-fg">{children}</body>
    </html>
  );
}
