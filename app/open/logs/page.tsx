import type { Metadata } from 'next';
import Link from 'next/link';
import { LogPanel } from '@/components/vdsm-log/log-panel';

export const metadata: Metadata = { title: 'vdsm logs · Mailbox Inspector' };

/** vdsm logs opened in this browser: which mailboxes the SPM dropped, extends, timing. */
export default function OpenLogsPage() {
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-6 py-5">
      <header className="flex items-baseline gap-4">
        <h1 className="text-[18px] font-semibold">vdsm logs</h1>
        <Link href="/" className="text-(--ink-blue) underline">← the live grid</Link>
      </header>
      <LogPanel />
    </main>
  );
}
