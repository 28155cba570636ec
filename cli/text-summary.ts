/**
 * The human summary of decoded dumps, as the screen says it: counts, then a
 * line per host with mail or a checksum problem (state, checksums), a line
 * per slot (its step, glyph and word from the legend), and the findings.
 */
import { pairMailboxes, type DecodedMailbox, type DecodedVolume, type VolumeKind } from '@/lib/mailbox';
import { grouped } from '@/lib/offline/check-size';
import { slotLine } from '@/components/vocabulary/slot-line';

export type DecodedFiles = Partial<Record<VolumeKind, { path: string; volume: DecodedVolume }>>;

/** The inbox mailbox's state in the legend's words (one read: a failing checksum has no verdict yet). */
export function inboxState(m: DecodedMailbox | undefined, maxHostId: number): string {
  if (!m) return 'inbox not opened';
  const sums = m.checksum ? `stored ${m.checksum.stored} ≠ computed ${m.checksum.computed}` : '';
  const outside = m.outsideWindow && m.slots.length > 0 ? ` · ⚠ OUTSIDE WINDOW (the SPM reads hosts 1..${maxHostId - 1})` : '';
  switch (m.state) {
    case 'checksum_missing':
    case 'checksum_mismatch':
      return (m.spmReads
        ? `✗ FAILING ${sums}${m.state === 'checksum_missing' ? ' (checksum missing)' : ''}: the SPM drops this mail`
        : `✗ STALE ${sums}, no mail: the SPM ignores it`) + outside;
    case 'valid': return `ok checksum ${m.checksum?.computed ?? 0}${outside}`;
    default: return `empty${outside}`;
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ranges(ids: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    out.push(i === j ? String(ids[i]) : `${ids[i]}-${ids[j]}`);
    i = j;
  }
  return out.join(', ');
}

export function textSummary(files: DecodedFiles, maxHostId: number): string {
  const lines: string[] = [];
  for (const kind of ['inbox', 'outbox'] as const) {
    const f = files[kind];
    if (!f) continue;
    lines.push(`${kind}: ${f.path} (${grouped(f.volume.size)} bytes, ${grouped(f.volume.mailboxCount)} mailboxes)`);
    for (const w of f.volume.warnings) lines.push(`  ⚠ ${w}`);
  }
  const event = files.inbox?.volume.event;
  if (event) lines.push(`event block (inbox mailbox 0): ${event.state}${event.uuid ? ` ${event.uuid}` : ''}`);

  const inboxes = new Map((files.inbox?.volume.hosts ?? []).map((h) => [h.host, h]));
  const outboxes = new Map((files.outbox?.volume.hosts ?? []).map((h) => [h.host, h]));
  const hosts = [...new Set([...inboxes.keys(), ...outboxes.keys()])].sort((a, b) => a - b);
  const quiet: number[] = [];
  const body: string[] = [];
  let withMail = 0;
  let waiting = 0;
  let failing = 0;
  for (const host of hosts) {
    const inbox = inboxes.get(host);
    const outbox = outboxes.get(host);
    const steps = pairMailboxes(inbox, outbox);
    const problem = inbox !== undefined && inbox.state !== 'valid' && inbox.state !== 'empty';
    if (steps.length === 0 && !problem) {
      quiet.push(host);
      continue;
    }
    if (steps.length > 0) withMail++;
    if (inbox?.spmReads && problem) failing++;
    waiting += steps.filter((s) => s.step === 'requested').length;
    const outboxWords = outbox ? (outbox.slots.length > 0 ? `${outbox.slots.length} replies/CLEANs` : 'empty') : 'not opened';
    body.push(`host ${host}: inbox ${inboxState(inbox, maxHostId)} · outbox ${outboxWords}`);
    const inSlots = new Map((inbox?.slots ?? []).map((s) => [s.index, s]));
    const outSlots = new Map((outbox?.slots ?? []).map((s) => [s.index, s]));
    for (const s of steps) body.push(`  ${slotLine(host, s.slot, s.step, inSlots.get(s.slot), outSlots.get(s.slot))}`);
  }
  lines.push(`${count(withMail, 'host')} with mail · ${count(waiting, 'request')} waiting for a reply · ${count(failing, 'mailbox', 'mailboxes')} failing their checksum`);
  lines.push(...body);
  if (quiet.length > 0) lines.push(`${count(quiet.length, 'host')} without mail: ${ranges(quiet)}`);

  const findings = (['inbox', 'outbox'] as const).flatMap((k) => (files[k]?.volume.findings ?? []).map((f) => ({ kind: k, f })));
  if (findings.length > 0) {
    lines.push(`findings (${findings.length}):`);
    for (const { kind, f } of findings) {
      lines.push(`  ${f.severity} ${f.id} ${kind}${f.host !== undefined ? ` host ${f.host}` : ''} at ${f.span.offset}+${f.span.length}: ${f.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
