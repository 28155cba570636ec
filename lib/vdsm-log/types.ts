/** The JSON of a log scan (`POST /api/vdsm-log`, the browser's log panel, the CLI). Plain data only. */

/** Where a record came from: file, 1-based line number, the line's time (null when the line had none). */
export interface LogPlace {
  file: string;
  line: number;
  time: string | null;
}

export interface LogFinding extends Partial<LogPlace> {
  id: LogFindingId;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export type LogFindingId =
  | 'log.line.too-long'
  | 'log.line.unparsed'
  | 'log.line.unterminated'
  | 'log.line.other-logger'
  | 'log.repr.cut-short'
  | 'log.repr.wrong-length'
  | 'log.checksum.expected-mismatch'
  | 'log.file.not-text'
  | 'log.file.read-error'
  | 'log.findings.capped'
  | 'log.records.capped';

export interface LogFileSummary {
  name: string;
  bytes: number;
  lines: number;
  firstTime: string | null;
  lastTime: string | null;
  /** host ids this file's vdsm said it had (connectStoragePool hostID=, sanlock host id) */
  hostIds: number[];
  /** false when the scan was cancelled or the file could not be read to the end */
  complete: boolean;
}

export interface StatSummary {
  min: number;
  avg: number;
  p50: number;
  p95: number;
  max: number;
}

export interface SlotSummary {
  index: number;
  kind: 'empty' | 'extend' | 'clean' | 'unknown';
  domain?: string;
  volume?: string;
  sizeMiB?: number | null;
  reason?: string;
}

/** One set of identical data within an episode. */
export interface FailureVariant {
  count: number;
  firstTime: string | null;
  lastTime: string | null;
  first: LogPlace;
  /** the checksum of `data` (sum of the 4092 bytes): what vdsm logged as `expected` */
  computed: number | null;
  /** the little-endian value vdsm printed as `expected=` */
  expectedLogged: number | null;
  expectedMatches: boolean | null;
  /** the 4092 logged bytes (base64); null when the repr was cut short */
  dataBase64: string | null;
  complete: boolean;
  slots: SlotSummary[];
}

export type FailureKind = 'torn' | 'garbage' | 'unknown';

/** Repeated `mailbox N checksum failed` lines of one mailbox, grouped. */
export interface ChecksumFailureEpisode {
  mailbox: number;
  firstTime: string | null;
  lastTime: string | null;
  count: number;
  /** of the first variant */
  computed: number | null;
  expectedLogged: number | null;
  expectedMatches: boolean | null;
  firstLine: number;
  firstFile: string;
  lastLine: number;
  lastFile: string;
  /** the line quoted, shortened */
  quote: string;
  /** vdsm logs the function object instead of the stored checksum: it is lost (vdsm#205) */
  stored: null;
  storedNote: string;
  slots: SlotSummary[];
  kind: FailureKind;
  why: string;
  whatToDo: string;
  /** a later `Mailbox N validated` line shows the mailbox became valid again */
  healedAt: string | null;
  variants: FailureVariant[];
  /** distinct data seen (variants beyond the kept ones are counted only) */
  distinctData: number;
}

export interface ExtendRequest {
  time: string | null;
  line: number;
  file: string;
  domain: string;
  volume: string;
  pool: string | null;
  sizeMiB: number;
  /** failed: vdsm logged an exception for it; ok: the host logged the extend completed; null: the logs do not say */
  result: 'ok' | 'failed' | null;
  failedLine: number | null;
  /** where the exception was logged (a rotated log may hold it), and its line quoted */
  failedFile: string | null;
  failedTime: string | null;
  failedQuote: string | null;
  /** seconds from the HSM's message for this volume (when in the logs) to the SPM's extend */
  queuedS: number | null;
  /** seconds from the SPM's extend to the host's `Extend volume … completed` */
  completedS: number | null;
  /** the line, shortened */
  quote: string;
}

export interface HsmMessage extends LogPlace {
  slot: number | null;
  counter: number | null;
  kind: SlotSummary['kind'];
  domain?: string;
  volume?: string;
  sizeMiB?: number | null;
  /** the line, shortened */
  quote: string;
}

export interface UnknownMessage extends LogPlace {
  /** the 4 opcode bytes as vdsm printed them */
  opcode: string;
  opcodeHex: string;
}

export interface ExtendCompletion extends LogPlace {
  volume: string;
  vmId: string | null;
  totalS: number | null;
  waitS: number | null;
  extendS: number | null;
  refreshS: number | null;
  /** the line, shortened */
  quote: string;
}

export interface ExtendStats {
  count: number;
  totalS: StatSummary | null;
  waitS: StatSummary | null;
  extendS: StatSummary | null;
  refreshS: StatSummary | null;
  /** every completion in time order (capped), for a plot */
  series: ExtendCompletion[];
}

export interface DdStats {
  bytes: number;
  count: number;
  seconds: StatSummary;
  slowest: Array<LogPlace & { seconds: number }>;
}

export interface PausedVm extends LogPlace {
  vmId: string | null;
  device: string;
  error: string;
}

export interface HostIdRecord extends LogPlace {
  hostId: number;
  how: 'connectStoragePool' | 'sanlock';
  domainOrPool: string | null;
}

export interface LogScanResult {
  files: LogFileSummary[];
  lines: number;
  bytes: number;
  checksumFailures: ChecksumFailureEpisode[];
  requests: ExtendRequest[];
  unknownMessages: UnknownMessage[];
  extends: ExtendStats;
  findings: LogFinding[];
  hsmMessages: HsmMessage[];
  mailSent: number;
  incorrectReplies: Array<LogPlace & { quote: string }>;
  dd: DdStats[];
  pausedVms: PausedVm[];
  hosts: HostIdRecord[];
  /** how many findings were dropped after the cap */
  findingsDropped: number;
}
