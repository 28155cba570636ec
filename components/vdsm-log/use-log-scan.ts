'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogScanResult } from '@/lib/vdsm-log';
import type { FromWorker, ScanProgress } from './worker-protocol';

export type ScanState =
  | { phase: 'idle' }
  | { phase: 'scanning'; names: string[]; progress: ScanProgress | null }
  | { phase: 'done'; names: string[]; result: LogScanResult; cancelled: boolean; progress: ScanProgress }
  | { phase: 'error'; message: string };

/** Runs log scans in a Web Worker; one at a time, cancellable. `onResult` hears of each scan's result (null when one starts). */
export function useLogScan(onResult?: (result: LogScanResult | null) => void) {
  const worker = useRef<Worker | null>(null);
  const [state, setState] = useState<ScanState>({ phase: 'idle' });
  const listener = useRef(onResult);
  listener.current = onResult;

  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((files: File[]) => {
    worker.current?.terminate();
    const w = new Worker(new URL('./log-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const names = files.map((f) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name);
    setState({ phase: 'scanning', names, progress: null });
    listener.current?.(null);
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') {
        setState({ phase: 'scanning', names, progress: m.progress });
      } else if (m.type === 'done') {
        setState({ phase: 'done', names, result: m.result, cancelled: m.cancelled, progress: m.progress });
        listener.current?.(m.result);
      } else {
        setState({ phase: 'error', message: m.message });
      }
    };
    w.onerror = (event) => setState({ phase: 'error', message: `the log reader stopped: ${event.message || 'unknown error'}` });
    w.postMessage({ type: 'scan', files });
  }, []);

  const cancel = useCallback(() => worker.current?.postMessage({ type: 'cancel' }), []);

  return { state, start, cancel };
}
