import type { ReactNode } from 'react';
import type { ExampleKind } from '../see/find-example';

/** One lesson of the page, with an anchor (`/learn#id`) and a hook for tests. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} data-learn-section={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-2 border-t border-line pt-4">
      <h2 id={`${id}-title`} className="text-[15px] font-semibold">
        <a href={`#${id}`} className="hover:underline">{title}</a>
      </h2>
      {children}
    </section>
  );
}

/** Opens the live demo at a read that shows this example (app/learn/see/[what]). A plain link: no prefetch of a redirect. */
export function SeeLink({ what, children = 'see one now' }: { what: ExampleKind; children?: ReactNode }) {
  return (
    <a href={`/learn/see/${what}`} data-see={what} className="btn inline-flex items-center gap-1 whitespace-nowrap no-underline" title="open the live demo at a read that shows one">
      <span aria-hidden>▶</span> {children}
    </a>
  );
}

/** A paragraph of prose at reading width. */
export function Prose({ children }: { children: ReactNode }) {
  return <div className="max-w-[64rem] space-y-2">{children}</div>;
}
