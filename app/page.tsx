import { Suspense } from 'react';
import { Inspector } from './_components/inspector';

/** The live grid. The inspector reads the URL (source, host, slot), so it renders in the browser. */
export default function Page() {
  return (
    <Suspense fallback={<p className="p-4 text-muted">Mailbox Inspector: loading…</p>}>
      <Inspector />
    </Suspense>
  );
}
