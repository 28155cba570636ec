/**
 * An HSM's log and the SPM's log of one pool, in vdsm's formats: host 7
 * (named by its sosreport folder) asks for three extends; the SPM extends
 * two, and the second fails; the first completes on the host.
 */
import { bytesRepr } from '@/lib/vdsm-log';
import { extendRequest } from './mailbox-bytes';
import { logLine } from './scan';

export const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
export const VOLUME = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
export const V2 = 'e772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const P = '5d928855-b09b-47a7-b920-bd2d2eb5808c';
const VM = '108e7903-08a0-42b7-94cd-2e18272bda06';

const message = (time: string, volume: string, size: number) => logLine(time, 'DEBUG', 'mailbox-hsm', 'storage.mailbox',
  `HSM_MailMonitor - start: 0, end: 64, len: 4096, message(1/63): ${bytesRepr(extendRequest(DOMAIN, volume, size))} (mailbox:490)`);

export const HSM_LOG = [
  logLine('10:00:00,000', 'INFO', 'jsonrpc/4', 'vdsm.api', `START connectStoragePool(spUUID='${P}', hostID=7, msdUUID='${DOMAIN}', masterVersion=1, domainsMap=None, options=None) from=::1 (api:48)`),
  message('10:01:00,000', VOLUME, 2048),
  message('10:01:00,500', V2, 1024),
  logLine('10:01:04,000', 'INFO', 'mailbox-hsm/3', 'virt.vm', `(vmId='${VM}') Extend volume ${VOLUME} completed <Clock(total=4.00, wait=0.50, extend-volume=2.00, refresh-volume=1.50)> (thinp:567)`),
  // a second request of the first volume that no extend answered in these logs
  message('10:05:00,000', VOLUME, 3072),
].join('\n');

export const SPM_LOG = [
  logLine('10:01:01,250', 'INFO', 'mailbox-spm/1', 'storage.mailbox', `processRequest: extending volume ${VOLUME} in domain ${DOMAIN} (pool ${P}) to size 2048 (mailbox:166)`),
  logLine('10:01:02,000', 'INFO', 'mailbox-spm/2', 'storage.mailbox', `processRequest: extending volume ${V2} in domain ${DOMAIN} (pool ${P}) to size 1024 (mailbox:166)`),
  logLine('10:01:02,100', 'ERROR', 'mailbox-spm/2', 'storage.mailbox', `processRequest: Exception caught while trying to extend volume: ${V2} in domain: ${DOMAIN} (mailbox:181)`),
].join('\n');

export const HSM_FILE = 'sosreport-hv-b-01234567-2026-11-24-xkqwzmf/var/log/vdsm/vdsm.log';
export const SPM_FILE = 'spm/vdsm.log.1';
