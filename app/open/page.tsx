import { Suspense } from 'react';
import { OpenFiles } from './_components/open-files';

export const metadata = { title: 'Open files · Mailbox Inspector' };

/** Dumps and traces from the person's disk, decoded in the browser: nothing is uploaded. */
export default function OpenPage() {
  return (
    <Suspense fallback={<p className="p-4 text-muted">Mailbox Inspector: loading…</p>}>
      <OpenFiles />
    </Suspense>
  );
}
