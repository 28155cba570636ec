/**
 * A virtual clock with a queue of timed callbacks. Nothing here waits: the
 * simulation is stepped by `runUntil`, so tests can run minutes of pool
 * traffic in milliseconds and a runner can pace it on a real timer.
 */

interface Entry {
  t: number;
  /** insertion order: callbacks due at the same time run first-scheduled first */
  order: number;
  run: () => void;
}

export class VirtualClock {
  private heap: Entry[] = [];
  private order = 0;
  private time = 0;

  /** milliseconds since the simulation started */
  get now(): number {
    return this.time;
  }

  /** Runs `run` at `now + delayMs` (never in the past). */
  after(delayMs: number, run: () => void): void {
    this.push({ t: this.time + Math.max(0, delayMs), order: this.order++, run });
  }

  /** The time of the next due callback, or null when nothing is scheduled. */
  nextAt(): number | null {
    return this.heap.length > 0 ? this.heap[0].t : null;
  }

  /** Runs every callback due at or before `t`, in time order, then sets the clock to `t`. */
  runUntil(t: number): void {
    while (this.heap.length > 0 && this.heap[0].t <= t) {
      const entry = this.pop();
      this.time = entry.t;
      entry.run();
    }
    this.time = Math.max(this.time, t);
  }

  private before(a: Entry, b: Entry): boolean {
    return a.t < b.t || (a.t === b.t && a.order < b.order);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && this.before(heap[left], heap[least])) least = left;
        if (right < heap.length && this.before(heap[right], heap[least])) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least], heap[i]];
        i = least;
      }
    }
    return top;
  }
}
