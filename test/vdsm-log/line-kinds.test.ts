/** Each kind of line vdsm writes about the mailbox, built from vdsm's log formats (mailbox.py, thinp.py, vm.py, hsm.py, clusterlock.py). */
import { describe, expect, it } from 'vitest';
import { bytesRepr } from '@/lib/vdsm-log';
import { encodeMailbox, encodeSlot, extendRequest } from './mailbox-bytes';
import { logLine, scanText } from './scan';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const P = '5d928855-b09b-47a7-b920-bd2d2eb5808c';
const VM = '108e7903-08a0-42b7-94cd-2e18272bda06';

function checksumFailed(time: string, mailbox: number, data: Uint8Array): string {
  let sum = 0;
  for (const b of data) sum += b;
  const expected = new Uint8Array([sum & 0xff, (sum >> 8) & 0xff, (sum >> 16) & 0xff, (sum >>> 24) & 0xff]);
  return logLine(time, 'ERROR', 'mailbox-spm', 'storage.mailbox',
    `mailbox ${mailbox} checksum failed, not clearing mailbox, clearing new mail (data=${bytesRepr(data)}, checksum=<function checksum at 0x7f0>, expected=${bytesRepr(expected)}) (mailbox:761)`);
}

describe('SPM requests', () => {
  const slot = extendRequest(D, V, 2048);
  const log = [
    logLine('10:00:00,000', 'DEBUG', 'mailbox-hsm', 'storage.mailbox', `HSM_MailMonitor - start: 128, end: 192, len: 4096, message(3/63): ${bytesRepr(slot)} (mailbox:490)`),
    logLine('10:00:00,001', 'DEBUG', 'mailbox-hsm', 'storage.mailbox', 'HSM_MailMonitor sending mail to SPM (mailbox:446)'),
    logLine('10:00:02,500', 'DEBUG', 'mailbox-spm', 'storage.mailbox', `SPM_MailMonitor: processing request: ${bytesRepr(slot)} (mailbox:854)`),
    logLine('10:00:02,501', 'INFO', 'mailbox-spm/1', 'storage.mailbox', `processRequest: extending volume ${V} in domain ${D} (pool ${P}) to size 2048 (mailbox:166)`),
    logLine('10:00:05,000', 'INFO', 'mailbox-spm/1', 'storage.mailbox', `processRequest: extending volume ${V.replace('d7', 'e7')} in domain ${D} (pool ${P}) to size 1024 (mailbox:166)`),
    logLine('10:00:05,100', 'ERROR', 'mailbox-spm/1', 'storage.mailbox', `processRequest: Exception caught while trying to extend volume: ${V.replace('d7', 'e7')} in domain: ${D} (mailbox:181)`),
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3.6/site-packages/vdsm/storage/mailbox.py", line 178, in processRequest',
    logLine('10:00:06,000', 'INFO', 'mailbox-hsm/3', 'virt.vm', `(vmId='${VM}') Extend volume ${V} completed <Clock(total=6.00, wait=0.50, extend-volume=4.20, refresh-volume=1.30)> (thinp:567)`),
    logLine('10:00:07,000', 'ERROR', 'mailbox-spm', 'storage.mailbox', "SPM_MailMonitor: unknown message type encountered: b'abcd' (mailbox:872)"),
    logLine('10:00:08,000', 'ERROR', 'mailbox-hsm', 'storage.mailbox', `HSM_MailMonitor: exception: Incorrect reply caught while checking reply for message: ${bytesRepr(slot)}, reply: b'x' (mailbox:408)`),
  ].join('\n') + '\n';
  const r = scanText(log);

  it('follows a request from the HSM message to the SPM extend and the VM completing it', () => {
    expect(r.hsmMessages).toMatchObject([{ line: 1, slot: 2, counter: 3, kind: 'extend', domain: D, volume: V, sizeMiB: 2048 }]);
    expect(r.mailSent).toBe(1);
    expect(r.requests[0]).toMatchObject({ line: 4, domain: D, volume: V, pool: P, sizeMiB: 2048, result: 'ok', queuedS: 2.501, completedS: 3.499 });
  });

  it('marks an extend that logged an exception failed', () => {
    expect(r.requests[1]).toMatchObject({ line: 5, sizeMiB: 1024, result: 'failed', failedLine: 6, failedFile: 'vdsm.log', failedTime: '2026-11-24T10:00:05.100+00:00' });
    expect(r.requests[1].failedQuote).toBe(log.split('\n')[5]);
  });

  it('keeps the line of each record to quote', () => {
    const lines = log.split('\n');
    expect(r.requests[0].quote).toBe(lines[3]);
    expect(r.hsmMessages[0].quote).toBe(lines[0]);
    expect(r.extends.series[0].quote).toBe(lines[8]);
  });

  it('lists unknown message types and incorrect replies with their lines', () => {
    expect(r.unknownMessages).toEqual([{ file: 'vdsm.log', line: 10, time: '2026-11-24T10:00:07.000+00:00', opcode: 'abcd', opcodeHex: '61 62 63 64' }]);
    expect(r.incorrectReplies.map((i) => i.line)).toEqual([11]);
  });

  it('counts the traceback lines as lines without reading them', () => {
    expect(r.lines).toBe(11);
    expect(r.findings).toEqual([]);
  });
});

describe('extend timing (what contrib/extend-stats prints, plus percentiles)', () => {
  const totals = [1.05, 2.0, 3.47, 1.5, 2.8];
  const log = totals.map((t, i) => logLine(`10:0${i}:00,000`, 'INFO', `mailbox-hsm/${i}`, 'virt.vm',
    `(vmId='${VM}') Extend volume ${V} completed <Clock(total=${t.toFixed(2)}, wait=0.${i + 1}0, extend-volume=0.5${i}, refresh-volume=0.2${i})> (thinp:567)`)).join('\n');
  const r = scanText(log);

  it('gives min, avg, p50, p95 and max of each timer', () => {
    expect(r.extends.count).toBe(5);
    expect(r.extends.totalS).toEqual({ min: 1.05, avg: (1.05 + 2.0 + 3.47 + 1.5 + 2.8) / 5, p50: 2.0, p95: 3.47, max: 3.47 });
    expect(r.extends.waitS).toMatchObject({ min: 0.1, max: 0.5 });
    expect(r.extends.refreshS).toMatchObject({ min: 0.2, max: 0.24 });
    expect(r.extends.series.map((s) => s.totalS)).toEqual(totals);
    expect(r.extends.series[0].vmId).toBe(VM);
  });
});

describe('VMs paused and host ids', () => {
  const log = [
    logLine('10:00:00,000', 'INFO', 'libvirt/events', 'virt.vm', `(vmId='${VM}') abnormal vm stop device ua-1234 error enospc (vm:5671)`),
    logLine('10:00:01,000', 'INFO', 'jsonrpc/4', 'vdsm.api', `START connectStoragePool(spUUID='${P}', hostID=7, msdUUID='${D}', masterVersion=1, domainsMap=None, options=None) from=::1 (api:48)`),
    logLine('10:00:02,000', 'INFO', 'jsonrpc/5', 'storage.SANLock', `Acquiring host id for domain ${D} (id=7, wait=True) (clusterlock:414)`),
  ].join('\r\n');
  const r = scanText(log);

  it('lists paused VMs with the device and error', () => {
    expect(r.pausedVms).toEqual([{ file: 'vdsm.log', line: 1, time: '2026-11-24T10:00:00.000+00:00', vmId: VM, device: 'ua-1234', error: 'enospc' }]);
  });

  it('names the host id a log was written by (CRLF lines too)', () => {
    expect(r.hosts.map((h) => [h.line, h.hostId, h.how])).toEqual([[2, 7, 'connectStoragePool'], [3, 7, 'sanlock']]);
    expect(r.files[0].hostIds).toEqual([7]);
    expect(r.files[0].lastTime).toBe('2026-11-24T10:00:02.000+00:00');
  });
});

describe('checksum failures: tear or garbage', () => {
  it('calls a mailbox of 0xff left on the volume garbage, with what to do', () => {
    const ff = new Uint8Array(4092).fill(0xff);
    const r = scanText([0, 2, 4].map((s) => checksumFailed(`10:00:0${s},000`, 9, ff)).join('\n') + '\n');
    expect(r.checksumFailures).toHaveLength(1);
    expect(r.checksumFailures[0]).toMatchObject({ mailbox: 9, count: 3, kind: 'garbage', computed: 4092 * 255, expectedMatches: true });
    expect(r.checksumFailures[0].whatToDo).toMatch(/host id 9 is not in use/);
  });

  it('calls identical data failing on every read for half an hour garbage, and a few failures unknown', () => {
    const box = encodeMailbox({ 0: encodeSlot('garbage!') }).subarray(0, 4092);
    const long = Array.from({ length: 30 }, (_, i) => checksumFailed(`10:${String(i).padStart(2, '0')}:00,000`, 3, box)).join('\n');
    expect(scanText(long).checksumFailures.map((e) => [e.count, e.kind])).toEqual([[30, 'garbage']]);
    const short = [0, 2].map((s) => checksumFailed(`10:00:0${s},000`, 3, box)).join('\n');
    expect(scanText(short).checksumFailures.map((e) => [e.count, e.kind])).toEqual([[2, 'unknown']]);
  });

  it('starts a new episode after the mailbox was validated, or after a long quiet', () => {
    const box = encodeMailbox({ 0: extendRequest(D, V, 128) }).subarray(0, 4092);
    const log = [
      checksumFailed('10:00:00,000', 3, box),
      logLine('10:00:02,000', 'DEBUG', 'mailbox-spm', 'storage.mailbox', 'SPM_MailMonitor: Mailbox 3 validated, checking mail (mailbox:812)'),
      checksumFailed('10:00:04,000', 3, box),
      checksumFailed('10:30:00,000', 3, box),
    ].join('\n');
    const r = scanText(log);
    expect(r.checksumFailures.map((e) => [e.firstLine, e.count, e.kind, e.healedAt])).toEqual([
      [1, 1, 'torn', '2026-11-24T10:00:02.000+00:00'], [3, 1, 'unknown', null], [4, 1, 'unknown', null],
    ]);
  });

  it('reads a repeated literal as the first (decoded once) wherever its line puts it, and a changed one anew', () => {
    const box = encodeMailbox({ 0: extendRequest(D, V, 128) }).subarray(0, 4092);
    const torn = box.slice();
    torn[100] ^= 0xff;
    const sum = (b: Uint8Array) => b.reduce((a, x) => a + x, 0);
    const log = [
      checksumFailed('10:00:00,000', 3, box).replace('(mailbox-spm)', `(mailbox-spm/${'9'.repeat(80)})`),
      checksumFailed('10:00:02,000', 3, box), // the literal 80 chars earlier in its line: its expected is found after it
      checksumFailed('10:00:04,000', 13, box), // another mailbox, the same bytes
      checksumFailed('10:00:06,000', 3, torn),
      checksumFailed('10:00:08,000', 3, box).replace(/expected=b'[^)]*/, "expected=b'\\x00\\x00\\x00\\x00'"), // the same data, another expected
    ].join('\n');
    const r = scanText(log);
    const three = r.checksumFailures.find((e) => e.mailbox === 3)!;
    expect(three.count).toBe(4);
    expect(three.variants.map((v) => [v.count, v.computed, v.expectedLogged])).toEqual([[3, sum(box), sum(box)], [1, sum(torn), sum(torn)]]);
    expect(r.checksumFailures.find((e) => e.mailbox === 13)!.variants.map((v) => v.computed)).toEqual([sum(box)]);
    expect(r.findings.filter((f) => f.id.startsWith('log.repr'))).toEqual([]);
  });
});
