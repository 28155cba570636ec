'use client';

import { useId } from 'react';

/** A file picker that looks like a button; the files go to `onFiles`, never to a form or the network. */
export function PickFiles({ onFiles, label, big = false }: { onFiles: (files: File[]) => void; label: string; big?: boolean }) {
  const id = useId();
  return (
    <label htmlFor={id} className={`btn cursor-pointer ${big ? 'px-4! py-2! text-[15px]' : ''}`} onClick={(e) => e.stopPropagation()}>
      {label}
      <input id={id} type="file" multiple className="sr-only" data-testid="file-input"
        onChange={(e) => { const files = Array.from(e.target.files ?? []); e.target.value = ''; if (files.length) onFiles(files); }} />
    </label>
  );
}
