/** Messages between the log panel and its Web Worker. Files cross as File objects (no copy of their bytes). */
import type { LogScanResult } from '@/lib/vdsm-log';

export type ToWorker = { type: 'scan'; files: File[] } | { type: 'cancel' };

export interface ScanProgress {
  /** the file being read */
  file: string;
  fileIndex: number;
  files: number;
  /** bytes of the files as given (compressed when they are), read so far, all files */
  readBytes: number;
  totalBytes: number;
  /** text bytes and lines scanned so far, all files */
  textBytes: number;
  lines: number;
  elapsedMs: number;
  /** of which waiting for the bytes (the browser reading the file, decompressing it); the rest is scanning */
  waitMs: number;
}

export type FromWorker =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'done'; result: LogScanResult; cancelled: boolean; progress: ScanProgress }
  | { type: 'error'; message: string };
