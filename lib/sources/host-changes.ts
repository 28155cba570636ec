/**
 * Which hosts' entries changed at which read: per host id, the seq of the
 * last read that changed its inbox or outbox (bytes, or whether the volume
 * could be read), and the hosts that went away (the volumes shrank). Answers
 * "what changed after read SEQ" in one pass over a small integer array.
 */
export interface HostChanges {
  /** host ids whose entry changed after the seq asked about, ascending */
  hosts: number[];
  /** host ids present at that seq and gone now, ascending */
  removed: number[];
}

export class HostChangeLog {
  /** index = host id; 0 when never seen */
  private changedAt = new Float64Array(1);
  private removedAt = new Map<number, number>();
  private count = 0;
  private first: number | null = null;
  private latest: number | null = null;

  /** Read `seq` has hosts 1..`count`; `changed` are those whose entry differs from the previous read's (all of them on the first read). */
  record(seq: number, count: number, changed: Iterable<number>): void {
    if (this.first === null) this.first = seq;
    this.latest = seq;
    if (count + 1 > this.changedAt.length) {
      const grown = new Float64Array(count + 1);
      grown.set(this.changedAt);
      this.changedAt = grown;
    }
    for (let id = count + 1; id <= this.count; id++) this.removedAt.set(id, seq);
    for (let id = this.count + 1; id <= count; id++) {
      this.changedAt[id] = seq;
      this.removedAt.delete(id);
    }
    this.count = count;
    for (const id of changed) if (id >= 1 && id <= count) this.changedAt[id] = seq;
  }

  /** What changed after read `seq`; null when that read is not one this log can answer for (before its first, or not yet made). */
  since(seq: number): HostChanges | null {
    if (this.first === null || this.latest === null || seq < this.first || seq > this.latest) return null;
    const hosts: number[] = [];
    for (let id = 1; id <= this.count; id++) if (this.changedAt[id] > seq) hosts.push(id);
    const removed = [...this.removedAt].filter(([, at]) => at > seq).map(([id]) => id).sort((a, b) => a - b);
    return { hosts, removed };
  }
}
