/** Every fixture written by vdsm's own code decodes to what its README says. */
import { describe, expect, it } from 'vitest';
import { decodeVolume, pairMailboxes, type DecodedVolume } from '@/lib/mailbox';
import { fixture, fixtureJson } from '../support/fixtures';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const VOLUME = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const EVENT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function load(folder: string) {
  return {
    inbox: decodeVolume(fixture(folder, 'inbox'), 'inbox', { maxHostId: 10 }),
    outbox: decodeVolume(fixture(folder, 'outbox'), 'outbox', { maxHostId: 10 }),
  };
}

function busyHosts(volume: DecodedVolume) {
  return volume.hosts.filter((h) => h.state !== 'empty').map((h) => h.host);
}

function steps(folder: string, host: number) {
  const { inbox, outbox } = load(folder);
  return pairMailboxes(inbox.hosts[host - 1], outbox.hosts[host - 1]);
}

describe('vdsm-h10: one request from host 3, slot 0, followed step by step', () => {
  it('empty: both volumes all zero, no findings', () => {
    const { inbox, outbox } = load('vdsm-h10/empty');
    expect(inbox.mailboxCount).toBe(10);
    expect(inbox.event).toEqual({ state: 'empty', uuid: null });
    expect(busyHosts(inbox)).toEqual([]);
    expect(busyHosts(outbox)).toEqual([]);
    expect([...inbox.findings, ...outbox.findings]).toEqual([]);
  });

  it('request-noevent: host 3 valid with checksum 6455 and an extend of 128 MiB in slot 0', () => {
    const { inbox } = load('vdsm-h10/request-noevent');
    const host = inbox.hosts[2];
    expect(host.state).toBe('valid');
    expect(host.checksum).toEqual({ stored: 6455, computed: 6455 });
    expect(host.spmReads).toBe(true);
    expect(host.slots).toHaveLength(1);
    expect(host.slots[0]).toMatchObject({ index: 0, kind: 'extend', domain: DOMAIN, volume: VOLUME, sizeMiB: 128, findings: [] });
    expect(inbox.event).toEqual({ state: 'empty', uuid: null });
    expect(steps('vdsm-h10/request-noevent', 3)).toEqual([{ slot: 0, step: 'requested' }]);
  });

  it('request: the event block carries the pinned UUID', () => {
    const { inbox } = load('vdsm-h10/request');
    expect(inbox.event).toEqual({ state: 'event', uuid: EVENT });
    expect(inbox.findings).toEqual([]);
  });

  it('reply: the outbox holds the reply, without a checksum', () => {
    const { outbox } = load('vdsm-h10/reply');
    const host = outbox.hosts[2];
    expect(host.state).toBe('in_use');
    expect(host.checksum).toBeNull();
    expect(host.slots[0]).toMatchObject({ kind: 'extend', domain: DOMAIN, volume: VOLUME, sizeMiB: 128 });
    expect(outbox.findings).toEqual([]);
    expect(steps('vdsm-h10/reply', 3)).toEqual([{ slot: 0, step: 'replied' }]);
  });

  it('reply-failed: a reply of size 0 is a failed extend', () => {
    expect(load('vdsm-h10/reply-failed').outbox.hosts[2].slots[0].sizeMiB).toBe(0);
    expect(steps('vdsm-h10/reply-failed', 3)).toEqual([{ slot: 0, step: 'failed' }]);
  });

  it('clean: host 3 acknowledged with CLEAN, checksum 64', () => {
    const { inbox } = load('vdsm-h10/clean');
    expect(inbox.hosts[2].checksum).toEqual({ stored: 64, computed: 64 });
    expect(inbox.hosts[2].slots[0].kind).toBe('clean');
    expect(steps('vdsm-h10/clean', 3)).toEqual([{ slot: 0, step: 'host_acked' }]);
  });

  it('ack: the SPM acknowledged with CLEAN in the outbox', () => {
    expect(load('vdsm-h10/ack').outbox.hosts[2].slots[0].kind).toBe('clean');
    expect(steps('vdsm-h10/ack', 3)).toEqual([{ slot: 0, step: 'spm_acked' }]);
  });

  it('cleared: host 3 freed its slot; the event block and the outbox CLEAN stay', () => {
    const { inbox } = load('vdsm-h10/cleared');
    expect(inbox.hosts[2].state).toBe('empty');
    expect(inbox.event?.uuid).toBe(EVENT);
    expect(steps('vdsm-h10/cleared', 3)).toEqual([{ slot: 0, step: 'free' }]);
  });
});

describe('vdsm-h10 and vdsm-h250: several hosts', () => {
  const spec = fixtureJson('vdsm-h10/multi/spec.json');
  const checksums: Record<number, number> = { 1: 13586, 2: 21995, 5: 284577, 7: 8829, 9: 17704 };

  it('multi: every request decodes to the spec, with the README checksums', () => {
    const { inbox } = load('vdsm-h10/multi');
    expect(busyHosts(inbox)).toEqual([1, 2, 5, 7, 9]);
    for (const [host, requests] of Object.entries<any[]>(spec.hosts)) {
      const mailbox = inbox.hosts[Number(host) - 1];
      expect(mailbox.state).toBe('valid');
      expect(mailbox.checksum!.stored).toBe(checksums[Number(host)]);
      expect(mailbox.slots.map((s) => ({ volume: s.volume, size_mib: s.sizeMiB }))).toEqual(requests);
      expect(mailbox.slots.every((s) => s.domain === spec.domain)).toBe(true);
    }
    expect(inbox.hosts[4].slots).toHaveLength(63); // host 5: a full mailbox
    expect(inbox.findings).toEqual([]);
  });

  it('multi-replied: every request has a reply; (2,1), (5,62) and (7,0) failed', () => {
    const { inbox, outbox } = load('vdsm-h10/multi-replied');
    const failed: string[] = [];
    for (const host of [1, 2, 5, 7, 9]) {
      for (const { slot, step } of pairMailboxes(inbox.hosts[host - 1], outbox.hosts[host - 1])) {
        expect(['replied', 'failed']).toContain(step);
        if (step === 'failed') failed.push(`${host},${slot}`);
      }
    }
    // Host 1 slot 2 asked for size 0 and got 0: that echo tells nothing, so it is not a failed extend.
    expect(failed.sort()).toEqual(['2,1', '5,62', '7,0']);
  });

  it('multi-final: only the event block in the inbox, CLEAN in every used outbox slot', () => {
    const { inbox, outbox } = load('vdsm-h10/multi-final');
    expect(busyHosts(inbox)).toEqual([]);
    expect(inbox.event?.uuid).toBe(EVENT);
    for (const host of [1, 2, 5, 7, 9]) {
      const slots = outbox.hosts[host - 1].slots;
      expect(slots.length).toBe(spec.hosts[host].length);
      expect(slots.every((s) => s.kind === 'clean')).toBe(true);
    }
  });

  it('vdsm-h250/multi: 250 mailboxes, the production window, all valid', () => {
    const bytes = fixture('vdsm-h250/multi', 'inbox');
    expect(bytes.length).toBe(1_024_000);
    const inbox = decodeVolume(bytes, 'inbox');
    expect(inbox.mailboxCount).toBe(250);
    expect(inbox.hosts).toHaveLength(249);
    expect(inbox.hosts.filter((h) => h.state === 'valid').length).toBe(busyHosts(inbox).length);
    expect(inbox.findings).toEqual([]);
  });
});

describe('torn: mailboxes caught mid-write by the pre-2017 8 × 512-byte writes', () => {
  it('torn-1426762: the bug report case, host 7 slot 1 = 100 MiB, stored 0, computed 6457', () => {
    const { inbox } = load('torn/torn-1426762');
    const host = inbox.hosts[6];
    expect(host.state).toBe('checksum_missing');
    expect(host.checksum).toEqual({ stored: 0, computed: 6457 });
    expect(host.slots[0]).toMatchObject({ index: 1, kind: 'extend', sizeMiB: 100 });
    expect(inbox.findings.map((f) => f.id)).toEqual(['mailbox.checksum.missing']);
    expect(inbox.findings[0]).toMatchObject({ host: 7, span: { offset: 7 * 4096 + 4092, length: 4 } });
  });

  it('torn-missing-k3: requests in slots 0..23 over an empty mailbox, stored 0, computed 106956', () => {
    const host = load('torn/torn-missing-k3').inbox.hosts[2];
    expect(host.state).toBe('checksum_missing');
    expect(host.checksum).toEqual({ stored: 0, computed: 106956 });
    expect(host.slots.map((s) => s.index)).toEqual([...Array(24).keys()]);
  });

  it('torn-stale-k5: slots 0..39 CLEAN, 40..62 old requests, stale checksum 284577 vs 107989', () => {
    const host = load('torn/torn-stale-k5').inbox.hosts[4];
    expect(host.state).toBe('checksum_mismatch');
    expect(host.checksum).toEqual({ stored: 284577, computed: 107989 });
    expect(host.slots.filter((s) => s.kind === 'clean').map((s) => s.index)).toEqual([...Array(40).keys()]);
    expect(host.slots.filter((s) => s.kind === 'extend').map((s) => s.index)).toEqual([...Array(23).keys()].map((i) => i + 40));
  });

  it.each(['torn-1426762', 'torn-missing-k3', 'torn-stale-k5'])('%s: before and after are valid states', (name) => {
    for (const file of ['inbox.before', 'inbox.after']) {
      const inbox = decodeVolume(fixture('torn', name, file), 'inbox');
      expect(inbox.hosts.every((h) => h.state === 'empty' || h.state === 'valid')).toBe(true);
    }
  });
});
