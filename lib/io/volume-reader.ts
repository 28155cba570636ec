import 'server-only';
import { MailboxWindow } from '@/lib/mailbox/window';
import { fromSystemError, hanging, identityChanged, notAVolume, shortRead, unknownError } from './errors';
import { FILE_BLOCK_SIZE_BYTES } from './stat-volume';
import { blockGeometry } from './sysfs';
import type { IoError, StatResult, VolumeStat } from './types';
import { VolumeWorker, type WorkerFailure, type WorkerStat } from './volume-worker';
import { planWindow, type WindowPlan } from './window';

/** Page alignment satisfies every logical block size up to 4096. */
const MIN_BUFFER_ALIGNMENT_BYTES = 4096;

export interface VolumeReaderOptions {
  /** whole mailboxes from offset 0: maxHostId + 1 */
  mailboxes: number;
  /** a read (stat, open, read) not answered within this is reported as hanging */
  deadlineMs: number;
}

export type VolumeReaderResult =
  | {
      ok: true;
      /** the bytes are the same as the last ones this reader returned: `window` is null, keep that one */
      unchanged: boolean;
      /** the window read, null when unchanged: it shares the mailboxes that did not change with the last one returned */
      window: MailboxWindow | null;
      /** per mailbox, 1 when it differs from the last bytes returned; null when all must be taken as new */
      changed: Uint8Array | null;
      direct: boolean;
      stat: VolumeStat;
      readMs: number;
      warnings: string[];
    }
  | { ok: false; error: IoError; stat?: VolumeStat };

type Failed = Extract<VolumeReaderResult, { ok: false }>;
type Outcome = { result: VolumeReaderResult; generation: number | null };

const ARTICLE: Record<string, string> = {
  directory: 'a directory', 'character device': 'a character device', FIFO: 'a FIFO', socket: 'a socket',
};

function systemFailure(path: string, failure: WorkerFailure, blockDevice?: boolean): IoError {
  if (!failure.errno) return unknownError(path, `${failure.during} failed: ${failure.message}`);
  return fromSystemError(path, Object.assign(new Error(failure.message), { code: failure.errno }), blockDevice);
}

async function describe(path: string, stat: Extract<WorkerStat, { ok: true }>): Promise<StatResult> {
  if (stat.kind === 'file') return { ok: true, stat: { path, size: stat.size, blockDevice: false, blockSize: FILE_BLOCK_SIZE_BYTES } };
  if (stat.kind !== 'block') return { ok: false, error: notAVolume(path, ARTICLE[stat.kind] ?? 'neither a file nor a device') };
  const result = await blockGeometry(BigInt(stat.rdev));
  if (!result.ok) return { ok: false, error: unknownError(path, result.detail, result.errno) };
  const { sizeBytes, logicalBlockSize } = result.geometry;
  return { ok: true, stat: { path, size: sizeBytes, blockDevice: true, blockSize: logicalBlockSize } };
}

/**
 * Reads one volume again and again, the way readVolume does once, but with
 * its blocking calls on a thread of its own (lib/io/read-worker.mjs) and a
 * deadline: a read not answered in time is reported as hanging and no new
 * read is stacked on it until it returns. The volume's identity (device and
 * inode, or block device number, through links) is fixed by the first read;
 * a path that later leads elsewhere is an error, never served as the volume.
 */
export class VolumeReader {
  private readonly worker = new VolumeWorker();
  private busySince: number | null = null;
  /** the identity seen first: what this path must keep leading to */
  private identity: string | null = null;
  /** the identity before the path vanished (removed, LV deactivated, unmounted): what came back may differ */
  private vanished: string | null = null;
  /** generation of the window last returned; 0 when the caller holds none the worker can compare with */
  private held = 0;
  /** the window last returned: the base the worker's next patch applies to */
  private window: MailboxWindow | null = null;
  /** the last good read's stat and plan: while the volume stays the same, the next read needs no stat first */
  private planned: { stat: VolumeStat; plan: WindowPlan } | null = null;

  constructor(readonly path: string, readonly options: VolumeReaderOptions) {
    const { mailboxes } = options;
    if (!Number.isSafeInteger(mailboxes) || mailboxes < 1) {
      throw new RangeError(`VolumeReader: mailboxes must be a positive integer, got ${mailboxes}`);
    }
  }

  /** Whether a read is still waiting for the storage, and since when (epoch ms). */
  get waitingSince(): number | null {
    return this.busySince;
  }

  async read(): Promise<VolumeReaderResult> {
    if (this.busySince !== null) return this.failed({ ok: false, error: hanging(this.path, Date.now() - this.busySince) });
    this.busySince = Date.now();
    await this.worker.ready(); // starting the thread is not the storage's time
    const since = Date.now();
    this.busySince = since;
    const work = this.attempt().finally(() => (this.busySince = null));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.options.deadlineMs)));
    const outcome = await Promise.race([work, deadline]);
    clearTimeout(timer);
    if (outcome === null) return this.failed({ ok: false, error: hanging(this.path, Date.now() - since) });
    if (!outcome.result.ok) return this.failed(outcome.result);
    if (outcome.generation !== null) this.held = outcome.generation;
    if (outcome.result.window) this.window = outcome.result.window;
    return outcome.result;
  }

  close(): Promise<void> {
    return this.worker.close();
  }

  private failed(result: Failed): Failed {
    this.planned = null;
    this.held = 0; // the caller keeps no bytes from a failed read: the next good one comes whole
    this.window = null;
    return result;
  }

  private async attempt(): Promise<Outcome> {
    try {
      return await this.readOnce();
    } catch (err) {
      return { result: { ok: false, error: unknownError(this.path, (err as Error).message) }, generation: null };
    }
  }

  private async readOnce(): Promise<Outcome> {
    const { path } = this;
    const none = (result: VolumeReaderResult) => ({ result, generation: null });
    if (this.planned && this.identity !== null) {
      // One round trip: the worker's fstat of what it opened checks identity (and a file's size) instead of a stat first.
      const { stat, plan } = this.planned;
      const quick = await this.readPlanned(stat, plan, this.identity);
      if (quick) return quick;
      this.planned = null; // something changed: look again from the start
    }
    const statted = await this.worker.stat(path);
    if (!statted.ok) return none({ ok: false, error: this.noteGone(systemFailure(path, statted)) });
    if (this.identity !== null && statted.identity !== this.identity) {
      return none({ ok: false, error: identityChanged(path, this.identity, statted.identity) });
    }
    const described = await describe(path, statted);
    if (!described.ok) return none(described);
    const { stat } = described;
    const planned = planWindow(stat, this.options.mailboxes);
    if (!planned.ok) return none({ ok: false, error: planned.error, stat });
    const { plan } = planned;
    const result = await this.readPlanned(stat, plan, this.identity ?? statted.identity, statted.identity);
    return result ?? none({ ok: false, error: unknownError(path, 'the volume changed while being read (the next read will tell)'), stat });
  }

  /** Gone, not replaced: a re-created file or re-activated LV may come back as another inode or minor. */
  private noteGone(error: IoError): IoError {
    if (error.code === 'not_found' && this.identity !== null) {
      this.vanished = this.identity;
      this.identity = null;
    }
    return error;
  }

  /** Reads with a plan made from a stat; null when what was opened does not fit it (size changed: plan again). */
  private async readPlanned(
    stat: VolumeStat, plan: WindowPlan, identity: string, seen: string = identity,
  ): Promise<Outcome | null> {
    const { path } = this;
    const none = (result: VolumeReaderResult) => ({ result, generation: null });
    const read = await this.worker.read({
      path, readBytes: plan.readBytes, windowBytes: plan.windowBytes,
      alignment: Math.max(stat.blockSize, MIN_BUFFER_ALIGNMENT_BYTES),
      identity, known: this.held,
    });
    if (!read.ok) return none({ ok: false, error: this.noteGone(systemFailure(path, read, stat.blockDevice)), stat });
    if (read.identityChanged) {
      // A path that vanished since the plan: the full path (stat first) words it and decides.
      if (this.planned && seen === identity && this.identity === identity) return null;
      return none({ ok: false, error: identityChanged(path, identity, read.identity), stat });
    }
    if (!stat.blockDevice && read.size !== stat.size) return null;
    const warnings = [...plan.warnings];
    if (this.identity === null && this.vanished !== null && this.vanished !== read.identity) {
      warnings.push(`${path} was gone and came back as a different volume (${read.identity}, was ${this.vanished}): reading it from now on`);
    }
    this.vanished = null;
    this.identity ??= read.identity;
    this.planned = { stat, plan };
    const expected = Math.min(plan.readBytes, stat.size);
    if (read.bytesRead < expected) return none({ ok: false, error: shortRead(path, read.bytesRead, expected), stat });

    if (!read.direct) {
      warnings.push(`O_DIRECT was refused (EINVAL on ${read.refusedOn}): read through the page cache instead, ` +
        'which may hold bytes that are not (or no longer) on the storage');
    }
    const common = { ok: true as const, direct: read.direct, stat, readMs: read.readMs, warnings };
    if (read.unchanged) return { result: { ...common, unchanged: true, window: null, changed: null }, generation: this.held };
    const generation = read.generation ?? null;
    if (read.patch) {
      // Only the changed mailboxes came: they go over the window the worker compared with, which this reader holds.
      if (!this.window || !read.changed) {
        return { result: { ok: false, error: unknownError(path, 'the reader lost the window a patch applies to (the next read comes whole)'), stat }, generation: null };
      }
      const window = this.window.patched(read.changed, new Uint8Array(read.patch));
      return { result: { ...common, unchanged: false, window, changed: read.changed }, generation };
    }
    return { result: { ...common, unchanged: false, window: MailboxWindow.of(new Uint8Array(read.bytes!)), changed: null }, generation };
  }
}
