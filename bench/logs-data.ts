/**
 * A large vdsm-like log for `npm run bench:logs`: the line shapes of a real
 * SPM's vdsm.log at DEBUG (jsonrpc API calls, storage monitoring, mailbox
 * dd commands and their timings, virt stats), with the interesting lines a
 * small fraction: extend requests and completions, a paused VM, and a few
 * thousand 16 KB `checksum failed` lines (a host's garbage mailbox).
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { bytesRepr } from '@/lib/vdsm-log';
import { encodeMessage, extend } from '@/lib/mailbox';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const P = '5d928855-b09b-47a7-b920-bd2d2eb5808c';
const VM = '108e7903-08a0-42b7-94cd-2e18272bda06';
const INBOX = `/rhev/data-center/${P}/mastersd/dom_md/inbox`;

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)},${String(d.getUTCMilliseconds()).padStart(3, '0')}+0000`;
}

const garbage = new Uint8Array(4092);
for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) & 0xff; // mixed bytes: every escape style in the repr
const GARBAGE_REPR = bytesRepr(garbage);
let sum = 0;
for (const b of garbage) sum += b;
const EXPECTED = bytesRepr(new Uint8Array([sum & 0xff, (sum >> 8) & 0xff, (sum >> 16) & 0xff, 0]));

/** One second of a busy SPM's log: ~40 ordinary lines, some interesting ones by `second`. */
function second(t: number, n: number): string {
  const lines: string[] = [];
  const at = (ms: number) => stamp(t + ms);
  for (let k = 0; k < 6; k++) {
    lines.push(`${at(k * 150)} INFO  (jsonrpc/${k}) [api.host] START getAllVmStats() from=::ffff:10.0.0.${k},51234 (api:48)`);
    lines.push(`${at(k * 150 + 1)} INFO  (jsonrpc/${k}) [api.host] FINISH getAllVmStats return={'status': {'code': 0, 'message': 'Done'}, 'statsList': (suppressed)} from=::ffff:10.0.0.${k},51234 (api:54)`);
    lines.push(`${at(k * 150 + 2)} INFO  (jsonrpc/${k}) [jsonrpc.JsonRpcServer] RPC call Host.getAllVmStats succeeded in 0.00 seconds (__init__:312)`);
    lines.push(`${at(k * 150 + 3)} DEBUG (check/loop) [storage.check] START check '/dev/${D}/metadata' (delay=0.00) (check:289)`);
    lines.push(`${at(k * 150 + 4)} DEBUG (check/loop) [storage.asyncevent] Process <subprocess.Popen object at 0x7f0> terminated (count=1) (asyncevent:660)`);
  }
  for (let k = 0; k < 2; k++) {
    lines.push(`${at(500 + k * 250)} DEBUG (mailbox-spm) [storage.Misc.excCmd] /usr/bin/taskset --cpu-list 0-7 dd if=${INBOX} iflag=direct,fullblock count=1 bs=1024000 (cwd None) (commands:211)`);
    lines.push(`${at(503 + k * 250)} DEBUG (mailbox-spm) [storage.Misc.excCmd] SUCCESS: <err> = b'1+0 records in\\n1+0 records out\\n1024000 bytes (1.0 MB, 1000 KiB) copied, 0.00${3 + (n % 7)}1234 s, 300 MB/s\\n'; <rc> = 0 (commands:224)`);
  }
  for (let k = 0; k < 4; k++) {
    lines.push(`${at(900 + k)} DEBUG (periodic/${k}) [virt.sampling.VMBulkstatsMonitor] sampled timestamp 4295.${n} elapsed 0.010 acquired True domains all (sampling:451)`);
    lines.push(`${at(910 + k)} INFO  (periodic/${k}) [vdsm.api] START repoStats(domains=()) from=internal, task_id=0d1c${n.toString(16).padStart(4, '0')}-aaaa-bbbb-cccc-${String(k).padStart(12, '0')} (api:48)`);
  }
  if (n % 97 === 0) {
    lines.push(`${at(950)} INFO  (mailbox-spm/3) [storage.ThreadPool.WorkerThread] START task 1c1c-${n} (cmd=<function runTask at 0x7f0>, args=None) (threadPool:146)`);
    lines.push(`${at(951)} INFO  (mailbox-spm/3) [storage.SPM.Messages.Extend] processRequest: extending volume d772f1c6-3ebb-43c3-a42e-${n.toString(16).padStart(12, '0')} in domain ${D} (pool ${P}) to size ${1024 + n % 4096} (mailbox:166)`);
    lines.push(`${at(990)} INFO  (mailbox-hsm/1) [virt.vm] (vmId='${VM}') Extend volume d772f1c6-3ebb-43c3-a42e-${n.toString(16).padStart(12, '0')} completed <Clock(total=${(1 + (n % 300) / 100).toFixed(2)}, wait=0.${n % 10}0, extend-volume=0.9${n % 10}, refresh-volume=0.2${n % 7})> (thinp:567)`);
  }
  if (n % 1009 === 0) lines.push(`${at(995)} INFO  (libvirt/events) [virt.vm] (vmId='${VM}') abnormal vm stop device ua-${n} error enospc (vm:4215)`);
  return lines.join('\n') + '\n';
}

function checksumLine(t: number, n: number): string {
  return `${stamp(t)} ERROR (mailbox-spm) [storage.MailBox.SpmMailMonitor] mailbox ${7 + (n % 3)} checksum failed, not clearing mailbox, clearing new mail (data=${GARBAGE_REPR}, checksum=<function checksum at 0x7f0a1b2c3d40>, expected=${EXPECTED}) (mailbox:761)\n`;
}

export interface BenchLog {
  path: string;
  bytes: number;
  checksumLines: number;
}

/** Writes (or reuses) a log of at least `minBytes` with `checksumLines` 16 KB lines spread through it. */
export async function writeBenchLog(path: string, minBytes: number, checksumLines: number): Promise<BenchLog> {
  if (existsSync(path) && statSync(path).size >= minBytes) return { path, bytes: statSync(path).size, checksumLines };
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  const perSecond = second(0, 1).length;
  const checksumBytes = checksumLine(0, 0).length * checksumLines;
  const seconds = Math.ceil((minBytes - checksumBytes) / perSecond) + 1;
  const every = Math.max(1, Math.floor(seconds / checksumLines));
  const t0 = Date.UTC(2026, 10, 24, 0, 0, 0);
  let written = 0;
  let failures = 0;
  let buffer = '';
  for (let n = 0; n < seconds || failures < checksumLines; n++) {
    buffer += second(t0 + n * 1000, n);
    if (n % every === 0 && failures < checksumLines) {
      buffer += checksumLine(t0 + n * 1000 + 600, failures);
      failures++;
    }
    if (buffer.length > 1 << 22) {
      written += buffer.length;
      if (!out.write(buffer, 'latin1')) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer, 'latin1');
  await once(out, 'finish');
  return { path, bytes: written + buffer.length, checksumLines };
}
