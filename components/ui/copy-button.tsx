'use client';

import { useEffect, useState } from 'react';
import { copyText } from './copy-text';

interface CopyButtonProps {
  label: string;
  /** computed on click: the text can be large (a hexdump) */
  text: () => string;
  title?: string;
}

export function CopyButton({ label, text, title }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="btn"
      title={title}
      onClick={async (e) => {
        e.stopPropagation();
        setState((await copyText(text())) ? 'copied' : 'failed');
      }}
    >
      {state === 'copied' ? 'copied ✓' : state === 'failed' ? 'copy failed' : label}
    </button>
  );
}
