/** The thin disks of one host's VMs: what it asks the SPM to extend, and how big each has grown. */
import type { Random } from './random';

export interface VmDisk {
  domain: string;
  volume: string;
  sizeMiB: number;
  /** a request for this disk is open: vdsm does not extend one volume twice at once */
  extending: boolean;
}

export class VmDisks {
  readonly disks: VmDisk[];

  constructor(private readonly random: Random, domainIds: readonly string[]) {
    this.disks = Array.from({ length: random.int(2, 5) }, () => ({
      domain: random.pick(domainIds),
      volume: random.uuid(),
      sizeMiB: 1024 + 128 * random.int(0, 24),
      extending: false,
    }));
  }

  /** A random disk with no open request, or null when all have one. */
  pickIdle(): VmDisk | null {
    const idle = this.disks.filter((d) => !d.extending);
    return idle.length > 0 ? this.random.pick(idle) : null;
  }
}
