/** The two volumes of a trace as its writes are applied, one at a time and only forwards. */
import type { VolumeKind } from '@/lib/mailbox';
import type { Trace } from './trace-format';

export class TraceVolumes {
  private volumes: Record<VolumeKind, Uint8Array>;
  /** writes applied so far: the next write to apply is `trace.writes[applied]` */
  applied = 0;

  constructor(readonly trace: Trace) {
    // Both files start as zeros (the format's rule).
    this.volumes = { inbox: new Uint8Array(trace.sizes.inbox), outbox: new Uint8Array(trace.sizes.outbox) };
  }

  get done(): boolean {
    return this.applied >= this.trace.writes.length;
  }

  /** t of the next write, or null at the end */
  get nextT(): number | null {
    return this.done ? null : this.trace.writes[this.applied].t;
  }

  applyNext(): void {
    const w = this.trace.writes[this.applied++];
    this.volumes[w.file].set(w.data, w.offset);
  }

  /** Applies every write made at or before `t` seconds. */
  applyUntil(t: number): void {
    while (!this.done && this.trace.writes[this.applied].t <= t) this.applyNext();
  }

  /** A copy of both volumes as they are now: what one whole-window read would return. */
  read(): Record<VolumeKind, Uint8Array> {
    return { inbox: this.volumes.inbox.slice(), outbox: this.volumes.outbox.slice() };
  }
}
