/**
 * What an opened file is, from its name alone: one volume of a dump (and
 * where it sits in a series), a mailbox trace, a vdsm log, or unknown (the
 * person is asked). Pure: names in, descriptions out.
 */
import type { VolumeKind } from '@/lib/mailbox';

export type FileRole = VolumeKind | 'trace' | 'log' | 'unknown';

export interface Recognised {
  role: FileRole;
  /** files of one dump set share a group: `case-1234-inbox.dump` and `case-1234-outbox.dump` are group `case-1234-*.dump` */
  group: string;
  /** where the file sits in a series of dumps of the same volume ('' = the one without a mark) */
  step: string;
  /** why the name was read that way, for the list of opened files */
  reason: string;
}

const KIND = '(inbox|outbox)';
/** `inbox`, `outbox`, `inbox.3`, `outbox.before`, `inbox.after` (the torn fixtures' names) */
const PLAIN = new RegExp(`^${KIND}(?:\\.([0-9]+|before|after))?$`);
/** the inspector's own export: `<source>-inbox-seq<N>.bin` */
const EXPORT = new RegExp(`^(.*)-${KIND}-seq([0-9]+)\\.bin$`);
/** `*inbox*.dump`: an optional number right after the kind word orders a series (`inbox.2.dump`, `host7-outbox-3.dump`) */
const DUMP = new RegExp(`^(.*?)${KIND}(?:[._-]?([0-9]+))?(.*)\\.dump$`);
const TRACE = /\.jsonl$/;
/** vdsm's logs and their rotations: vdsm.log, vdsm.log.1, vdsm.log.3.xz, vdsm-debug.log */
const LOG = /^vdsm[\w.-]*\.log(\.[0-9]+)?(\.(xz|gz))?$/;

export function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1];
}

export function recognise(fileName: string): Recognised {
  const name = baseName(fileName);
  const lower = name.toLowerCase();
  let m = PLAIN.exec(lower);
  if (m) return { role: m[1] as VolumeKind, group: '*', step: m[2] ?? '', reason: `named ${m[1]}` };
  m = EXPORT.exec(lower);
  if (m) return { role: m[2] as VolumeKind, group: `${name.slice(0, m[1].length)}-*-seq`, step: m[3], reason: `the inspector's export of read ${m[3]}` };
  m = DUMP.exec(lower);
  if (m) {
    const group = `${name.slice(0, m[1].length)}*${name.slice(name.length - m[4].length - '.dump'.length, name.length - '.dump'.length)}.dump`;
    return { role: m[2] as VolumeKind, group, step: m[3] ?? '', reason: `a dump named ${m[2]}` };
  }
  if (LOG.test(lower)) return { role: 'log', group: '', step: '', reason: 'a vdsm log' };
  if (TRACE.test(lower)) return { role: 'trace', group: '', step: '', reason: 'a trace (mailbox-trace/1 lines)' };
  return { role: 'unknown', group: '', step: '', reason: 'not named like an inbox, outbox, trace or log: say which it is' };
}

/** Order of series steps by name: before, the unmarked one, numbers ascending, other words, after. */
export function compareSteps(a: string, b: string): number {
  return rank(a) - rank(b) || (isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a.localeCompare(b));
}

const isNumber = (s: string) => /^[0-9]+$/.test(s);

function rank(step: string): number {
  if (step === 'before') return 0;
  if (step === '') return 1;
  if (isNumber(step)) return 2;
  if (step === 'after') return 4;
  return 3;
}
