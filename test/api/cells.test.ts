/**
 * `?view=cells` packs the grid view's hosts; the page unpacks them. Whatever
 * the mailboxes hold (requests, replies, CLEAN, unknown opcodes, leftover
 * bytes, torn writes), unpacking gives back the grid view's host exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellsReader, cellsHost, compactSlotTexts, gatherSlots, hasSlots, hostFromCells, hostsFromCells, slotTextsHeld, stepCounts } from '@/lib/api/cells';
import { buildHosts, gridHost } from '@/lib/api/snapshot-json';
import type { CellsHost, HostSnapshot } from '@/lib/api/types';
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

  it('unpacks the same hosts from an answer whose slots texts the page\'s worker gathered into one string', () => {
    const dir = path.join(FIXTURES, 'vdsm-h250/multi');
    const hosts = roundTrip({ inbox: readFileSync(path.join(dir, 'inbox')), outbox: readFileSync(path.join(dir, 'outbox')) }, 250);
    const cells = hosts.map((h) => h.cells as CellsHost);
    const texts = cells.flatMap((c) => [c.inbox?.slots, c.outbox?.slots].filter((t) => t !== undefined));
    const gathered = gatherSlots({ seq: 4, hosts: structuredClone(cells) });
    expect(gathered.slotsText).toBe(texts.join(''));
    expect(JSON.stringify(gathered.hosts)).not.toContain('"slots"');
    expect(gathered.seq).toBe(4);
    const unpacked = hostsFromCells(gathered);
    expect(unpacked.map(plain)).toEqual(hosts.map((h) => h.grid));
    expect(unpacked.map((h) => [hasSlots(h.inbox), hasSlots(h.outbox)])).toEqual(hosts.map((h) => [h.grid.inbox.slots.length > 0, h.grid.outbox.slots.length > 0]));
    // what is not a host with a string of slots passes as it came
    const odd = gatherSlots({ hosts: [null, 7, { id: 1, inbox: { slots: [1, 1, 2] }, outbox: null }] as unknown[] });
    expect([odd.hosts, odd.slotsText]).toEqual([[null, 7, { id: 1, inbox: { slots: [1, 1, 2] }, outbox: null }], '']);
  });

  /** A host whose inbox holds 63 requests, sized after `answer`. */
  const full = (id: number, answer: number): CellsHost => ({
    id, outsideWindow: false, steps: 'R'.repeat(63),
    inbox: { state: 'valid', checksum: null, spmReads: true, slots: JSON.stringify(Array.from({ length: 63 }, (_, i) => [i, 1, 1000 * answer + i]).flat()) },
    outbox: null,
  });

  it('gathers again the slots texts a model still reads once the answers they came in hold over twice as much', () => {
    // ten answers of 200 full mailboxes each; the model keeps 20 hosts of each
    const answers = Array.from({ length: 10 }, (_, a) => hostsFromCells(gatherSlots({ hosts: Array.from({ length: 200 }, (_, id) => full(id, a)) })));
    const model = answers.flatMap((hosts, a) => hosts.slice(a * 20, a * 20 + 20));
    const before = slotTextsHeld(model);
    expect(before.held).toBeGreaterThan(9 * before.read);
    compactSlotTexts(model);
    expect(slotTextsHeld(model)).toEqual({ read: before.read, held: before.read });
    model.forEach((host, i) => expect(host.inbox!.slots[62]).toEqual({ index: 62, kind: 'extend', sizeMiB: 1000 * Math.floor(i / 20) + 62 }));
    // read once, a mailbox keeps no texts alive; a model that holds little more than it reads is left alone
    expect(slotTextsHeld(model)).toEqual({ read: 0, held: 0 });
    const fresh = hostsFromCells(gatherSlots({ hosts: [full(1, 1), full(2, 1)] }));
    compactSlotTexts(fresh.slice(0, 1));
    expect(slotTextsHeld(fresh.slice(0, 1)).held).toBe(slotTextsHeld(fresh).held);
  });

  it('weighs a model\'s texts only once as many arrived since it last did as the model read then', () => {
    const cells = new CellsReader();
    cells.compact(cells.hosts(gatherSlots({ hosts: Array.from({ length: 200 }, (_, id) => full(id, 0)) }))); // weighed: read 200 mailboxes' texts, nothing to gather
    const answers = Array.from({ length: 10 }, (_, a) => hostsFromCells(gatherSlots({ hosts: Array.from({ length: 200 }, (_, id) => full(id, a)) })));
    const model = answers.flatMap((hosts, a) => hosts.slice(a * 20, a * 20 + 20));
    const held = slotTextsHeld(model);
    cells.hosts(gatherSlots({ hosts: [full(1, 11)] }));
    cells.compact(model);
    expect(slotTextsHeld(model)).toEqual(held); // one mailbox's text arrived: not weighed
    cells.hosts({ hosts: [full(2, 11)] }); // hosts whose texts were not gathered add nothing
    cells.compact(model);
    expect(slotTextsHeld(model)).toEqual(held);
    cells.hosts(gatherSlots({ hosts: Array.from({ length: 200 }, (_, id) => full(id, 12)) }));
    cells.compact(model);
    expect(slotTextsHeld(model)).toEqual({ read: held.read, held: held.read });
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
