/**
 * `?view=cells` packs the grid view's hosts; the page unpacks them. Whatever
 * the mailboxes hold (requests, replies, CLEAN, unknown opcodes, leftover
 * bytes, torn writes), unpacking gives back the grid view's host exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsHost, hasSlots, hostFromCells, stepCounts } from '@/lib/api/cells';
import { buildHosts, gridHost } from '@/lib/api/snapshot-json';
import type { HostSnapshot } from '@/lib/api/types';
import { decodeVolume, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/** A host from hostFromCells as plain data: its getters (slots, lifecycle: on the prototype) read. */
const plain = (h: HostSnapshot) => ({
  ...h, lifecycle: h.lifecycle, inbox: h.inbox && { ...h.inbox, slots: h.inbox.slots }, outbox: h.outbox && { ...h.outbox, slots: h.outbox.slots },
});
const roundTrip = (bytes: { inbox: Uint8Array; outbox: Uint8Array }, maxHostId: number) => {
  const hosts = buildHosts(decodeVolume(bytes.inbox, 'inbox', { maxHostId }), decodeVolume(bytes.outbox, 'outbox', { maxHostId }));
  return hosts.map((h) => ({ grid: JSON.parse(JSON.stringify(gridHost(h))), cells: JSON.parse(JSON.stringify(cellsHost(h))) }));
};

describe('view=cells', () => {
  it('unpacks to the grid view of every host of vdsm-written volumes, in less than half the bytes for the hosts with mail', () => {
    const dir = path.join(FIXTURES, 'vdsm-h250/multi');
    const hosts = roundTrip({ inbox: readFileSync(path.join(dir, 'inbox')), outbox: readFileSync(path.join(dir, 'outbox')) }, 250);
    expect(hosts.some((h) => h.grid.lifecycle.length > 0)).toBe(true);
    for (const { grid, cells } of hosts) expect(plain(hostFromCells(cells))).toEqual(grid);
    // the hosts with mail are where the bytes go: their slots and steps pack
    const withMail = hosts.filter((h) => h.grid.lifecycle.length > 0);
    const size = (key: 'grid' | 'cells') => withMail.reduce((n, h) => n + JSON.stringify(h[key]).length, 0);
    expect(size('cells')).toBeLessThan(size('grid') / 2);
  });

  it('unpacks a mailbox\'s slots when they are first read, and knows whether it has any before', () => {
    const dir = path.join(FIXTURES, 'vdsm-h250/multi');
    const hosts = roundTrip({ inbox: readFileSync(path.join(dir, 'inbox')), outbox: readFileSync(path.join(dir, 'outbox')) }, 250);
    const { grid, cells } = hosts.find((h) => h.grid.inbox.slots.length > 0)!;
    const host = hostFromCells(cells);
    expect(Object.keys(host.inbox!)).not.toContain('slots'); // a getter, not slots unpacked when the host is made
    expect(typeof cells.inbox!.slots).toBe('string'); // JSON text inside the answer: parsed only when read
    expect(hasSlots(host.inbox)).toBe(true);
    expect(hasSlots(grid.inbox)).toBe(true);
    expect(hasSlots(null)).toBe(false);
    const empty = hosts.find((h) => h.grid.outbox.slots.length === 0)!;
    expect(hasSlots(hostFromCells(empty.cells).outbox)).toBe(false);
    expect(host.inbox!.slots).toEqual(grid.inbox.slots);
    expect(host.inbox!.slots).toBe(host.inbox!.slots); // unpacked once
    expect(JSON.parse(JSON.stringify(host))).toEqual(grid);
  });

  it('counts a host\'s steps from its packed steps, leaving its lifecycle packed until it is read', () => {
    const dir = path.join(FIXTURES, 'vdsm-h250/multi');
    const hosts = roundTrip({ inbox: readFileSync(path.join(dir, 'inbox')), outbox: readFileSync(path.join(dir, 'outbox')) }, 250);
    const { grid, cells } = hosts.find((h) => h.grid.lifecycle.length > 1)!;
    const host = hostFromCells(cells);
    const unpack = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(host), 'lifecycle')!.get!;
    let unpacked = 0;
    Object.defineProperty(host, 'lifecycle', { enumerable: true, get: () => (unpacked++, unpack.call(host)) });
    const counts = stepCounts(host);
    expect(unpacked).toBe(0);
    expect(counts.total).toBe(grid.lifecycle.length);
    for (const step of new Set(grid.lifecycle.map((l: { step: string }) => l.step))) {
      expect(counts.byStep[step as keyof typeof counts.byStep]).toBe(grid.lifecycle.filter((l: { step: string }) => l.step === step).length);
    }
    expect(host.lifecycle).toEqual(grid.lifecycle);
    expect(unpacked).toBe(1);
  });

  it('gives no slots, not a broken page, for packed slots that are not JSON text of an array', () => {
    for (const slots of ['[1,1,', '{"a":1}', '']) {
      const host = hostFromCells({ id: 3, outsideWindow: false, inbox: null, outbox: { state: 'in_use', slots }, steps: '' });
      expect(host.outbox!.slots).toEqual([]);
    }
  });

  it('unpacks to the grid view whatever bytes the mailboxes hold', () => {
    const mailboxes = 4;
    fc.assert(fc.property(
      fc.uint8Array({ minLength: MAILBOX_SIZE_BYTES * mailboxes, maxLength: MAILBOX_SIZE_BYTES * mailboxes }),
      fc.uint8Array({ minLength: MAILBOX_SIZE_BYTES * mailboxes, maxLength: MAILBOX_SIZE_BYTES * mailboxes }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: MAILBOX_SIZE_BYTES * mailboxes - 64 }), fc.constantFrom(0x00, 0xff, 0x31)), { maxLength: 40 }),
      (inbox, outbox, stamps) => {
        // whole slots of 0x00 (empty), 0xff (CLEAN) or '1' (a version byte before garbage) among random bytes
        for (const [at, byte] of stamps) inbox.fill(byte, at - (at % 64), at - (at % 64) + 64);
        for (const { grid, cells } of roundTrip({ inbox, outbox }, 3)) {
          expect(stepCounts(hostFromCells(cells))).toEqual(stepCounts(grid)); // from the packed steps, and from the lifecycle
          expect(plain(hostFromCells(cells))).toEqual(grid);
        }
      },
    ), { numRuns: 200 });
  });
});
