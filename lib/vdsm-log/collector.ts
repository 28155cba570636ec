/**
 * Everything found in the scanned logs, bounded by what was found (each
 * list capped), never by the size of the files. `result()` gives the JSON.
 */
import { EpisodeTracker, type LoggedFailure } from './episodes';
import type { BytesLiteral } from './python-repr';
import { summarize } from './stats';
import type {
  DdStats, ExtendCompletion, ExtendRequest, HostIdRecord, HsmMessage, LogFileSummary, LogFinding, LogPlace, LogScanResult,
  PausedVm, UnknownMessage,
} from './types';

export const MAX_FINDINGS = 1000;
export const MAX_RECORDS = 100_000;
const SLOWEST_DD = 10;

interface Timed<T> {
  value: T;
  ms: number | null;
}

export class LogCollector {
  readonly episodes = new EpisodeTracker();
  readonly files: LogFileSummary[] = [];
  mailSent = 0;
  /** per mailbox, the data literal its last `checksum failed` line logged, and its bytes (see line-handlers) */
  readonly lastLiterals = new Map<number, { text: string; decoded: BytesLiteral }>();
  findingsDropped = 0;
  private readonly findings: LogFinding[] = [];
  private readonly requests: Timed<ExtendRequest>[] = [];
  private readonly unknown: UnknownMessage[] = [];
  private readonly hsm: Timed<HsmMessage>[] = [];
  private readonly completions: Timed<ExtendCompletion>[] = [];
  private readonly incorrect: Array<LogPlace & { quote: string }> = [];
  private readonly ddBySize = new Map<number, { values: number[]; slowest: Array<LogPlace & { seconds: number }> }>();
  private readonly pausedVms: PausedVm[] = [];
  private readonly hostIds: HostIdRecord[] = [];
  private cappedNoted = false;

  finding(f: LogFinding): void {
    if (this.findings.length < MAX_FINDINGS) this.findings.push(f);
    else this.findingsDropped++;
  }

  private room(list: unknown[], what: string): boolean {
    if (list.length < MAX_RECORDS) return true;
    if (!this.cappedNoted) {
      this.cappedNoted = true;
      this.finding({ id: 'log.records.capped', severity: 'warning', message: `more than ${MAX_RECORDS} ${what}: the rest are counted in lines only` });
    }
    return false;
  }

  failure(f: LoggedFailure): void {
    this.episodes.add(f);
  }

  request(r: ExtendRequest, ms: number | null): void {
    if (this.room(this.requests, 'extend requests')) this.requests.push({ value: r, ms });
  }

  requestFailed(volume: string, domain: string, place: LogPlace, quote: string): void {
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const r = this.requests[i].value;
      if (r.volume === volume && r.domain === domain && r.result === null) {
        r.result = 'failed';
        r.failedLine = place.line;
        r.failedFile = place.file;
        r.failedTime = place.time;
        r.failedQuote = quote;
        return;
      }
    }
  }

  unknownMessage(u: UnknownMessage): void {
    if (this.room(this.unknown, 'unknown messages')) this.unknown.push(u);
  }

  hsmMessage(h: HsmMessage, ms: number | null): void {
    if (this.room(this.hsm, 'HSM messages')) this.hsm.push({ value: h, ms });
  }

  incorrectReply(place: LogPlace, quote: string): void {
    if (this.room(this.incorrect, 'incorrect replies')) this.incorrect.push({ ...place, quote });
  }

  extendDone(e: ExtendCompletion, ms: number | null): void {
    if (this.room(this.completions, 'extend completions')) this.completions.push({ value: e, ms });
  }

  dd(bytes: number, seconds: number, place: LogPlace): void {
    if (!Number.isFinite(seconds)) return;
    let group = this.ddBySize.get(bytes);
    if (!group) {
      if (this.ddBySize.size >= 64) return;
      group = { values: [], slowest: [] };
      this.ddBySize.set(bytes, group);
    }
    if (group.values.length < MAX_RECORDS * 10) group.values.push(seconds);
    const slow = group.slowest;
    if (slow.length < SLOWEST_DD || seconds > slow[slow.length - 1].seconds) {
      slow.push({ ...place, seconds });
      slow.sort((a, b) => b.seconds - a.seconds);
      if (slow.length > SLOWEST_DD) slow.pop();
    }
  }

  paused(p: PausedVm): void {
    if (this.room(this.pausedVms, 'paused VMs')) this.pausedVms.push(p);
  }

  hostId(h: HostIdRecord): void {
    const file = this.files.find((f) => f.name === h.file);
    if (file && !file.hostIds.includes(h.hostId)) file.hostIds.push(h.hostId);
    if (this.room(this.hostIds, 'host id lines')) this.hostIds.push(h);
  }

  /** Joins SPM requests with the HSM's messages before them and the host's completion after them. */
  private joinedRequests(): ExtendRequest[] {
    const byTime = (a: Timed<unknown>, b: Timed<unknown>) => (a.ms ?? 0) - (b.ms ?? 0);
    const byVolume = <T extends { volume?: string }>(list: Timed<T>[]) => {
      const map = new Map<string, Timed<T>[]>();
      for (const t of [...list].sort(byTime)) {
        if (t.ms === null || !t.value.volume) continue;
        const at = map.get(t.value.volume);
        if (at) at.push(t);
        else map.set(t.value.volume, [t]);
      }
      return map;
    };
    const sent = byVolume(this.hsm);
    const done = byVolume(this.completions);
    return [...this.requests].sort(byTime).map(({ value, ms }) => {
      const r = { ...value };
      if (ms === null) return r;
      const before = (sent.get(r.volume) ?? []).filter((h) => h.ms! <= ms).pop();
      if (before) r.queuedS = (ms - before.ms!) / 1000;
      const after = (done.get(r.volume) ?? []).find((e) => e.ms! >= ms);
      if (after) {
        r.completedS = (after.ms! - ms) / 1000;
        if (r.result === null) r.result = 'ok';
      }
      return r;
    });
  }

  result(): LogScanResult {
    const series = [...this.completions].sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0)).map((c) => c.value);
    const values = (k: 'totalS' | 'waitS' | 'extendS' | 'refreshS') => series.map((s) => s[k]).filter((v): v is number => v !== null);
    const dd: DdStats[] = [...this.ddBySize].sort((a, b) => a[0] - b[0])
      .map(([bytes, g]) => ({ bytes, count: g.values.length, seconds: summarize(g.values)!, slowest: g.slowest }));
    const findings = [...this.findings];
    if (this.episodes.dropped > 0) findings.push({ id: 'log.records.capped', severity: 'warning', message: `${this.episodes.dropped} checksum failures beyond ${10_000} episodes were not grouped` });
    if (this.findingsDropped > 0) findings.push({ id: 'log.findings.capped', severity: 'info', message: `${this.findingsDropped} more findings not listed (the first ${MAX_FINDINGS} are)` });
    return {
      files: this.files.map((f) => ({ ...f, hostIds: [...f.hostIds].sort((a, b) => a - b) })),
      lines: this.files.reduce((n, f) => n + f.lines, 0),
      bytes: this.files.reduce((n, f) => n + f.bytes, 0),
      checksumFailures: this.episodes.result(),
      requests: this.joinedRequests(),
      unknownMessages: this.unknown,
      extends: { count: series.length, totalS: summarize(values('totalS')), waitS: summarize(values('waitS')), extendS: summarize(values('extendS')), refreshS: summarize(values('refreshS')), series },
      findings,
      hsmMessages: this.hsm.map((h) => h.value),
      mailSent: this.mailSent,
      incorrectReplies: this.incorrect,
      dd,
      pausedVms: this.pausedVms,
      hosts: this.hostIds,
      findingsDropped: this.findingsDropped,
    };
  }
}
