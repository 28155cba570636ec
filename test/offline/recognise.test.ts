/** Opened files are told apart by name: volumes (and their place in a series), traces, logs, and the rest asked for. */
import { describe, expect, it } from 'vitest';
import { compareSteps, recognise } from '@/lib/offline/recognise';

describe('recognise', () => {
  it.each([
    ['inbox', 'inbox', '*', ''],
    ['outbox', 'outbox', '*', ''],
    ['some/dir/inbox.3', 'inbox', '*', '3'],
    ['outbox.12', 'outbox', '*', '12'],
    ['inbox.before', 'inbox', '*', 'before'],
    ['inbox.after', 'inbox', '*', 'after'],
    ['inbox.dump', 'inbox', '*.dump', ''],
    ['case-1234-outbox.dump', 'outbox', 'case-1234-*.dump', ''],
    ['Host7_INBOX-2.dump', 'inbox', 'Host7_*.dump', '2'],
    ['spm-inbox.2.dump', 'inbox', 'spm-*.dump', '2'],
    ['pool-a-inbox-seq42.bin', 'inbox', 'pool-a-*-seq', '42'],
    ['pool-a-outbox-seq42.bin', 'outbox', 'pool-a-*-seq', '42'],
  ])('reads %s as %s of group %s, step %j', (name, role, group, step) => {
    expect(recognise(name)).toMatchObject({ role, group, step });
  });

  it('pairs an inbox with its outbox: both files of a dump set share a group', () => {
    expect(recognise('case-9-inbox.dump').group).toBe(recognise('case-9-outbox.dump').group);
    expect(recognise('a-inbox-seq7.bin').group).toBe(recognise('a-outbox-seq7.bin').group);
  });

  it.each(['vdsm.log', 'vdsm.log.1', 'vdsm.log.3.xz', 'vdsm-debug.log'])('sets %s aside for the log reader', (name) => {
    expect(recognise(name).role).toBe('log');
  });

  it('takes a .jsonl file for a trace', () => {
    expect(recognise('trace.jsonl').role).toBe('trace');
  });

  it.each(['dump.bin', 'inboxes.tar', 'inbox.txt', 'mailbox-7'])('asks about %s', (name) => {
    expect(recognise(name)).toMatchObject({ role: 'unknown', reason: expect.stringContaining('say which') });
  });

  it('orders a series: before, unmarked, numbers ascending (10 after 9), after', () => {
    const steps = ['after', '10', '', '9', 'before', '1'];
    expect(steps.sort(compareSteps)).toEqual(['before', '', '1', '9', '10', 'after']);
  });
});
