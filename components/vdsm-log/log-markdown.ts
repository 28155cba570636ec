/** The scan as Markdown for a ticket: failures with their lines quoted, failed extends, timing. */
import type { LogScanResult } from '@/lib/vdsm-log';

const s3 = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(3));

export function logMarkdown(r: LogScanResult): string {
  const out: string[] = ['## vdsm logs', '', `Files: ${r.files.map((f) => `\`${f.name}\` (${f.lines} lines, ${f.firstTime ?? '?'} → ${f.lastTime ?? '?'}${f.hostIds.length ? `, host id ${f.hostIds.join(', ')}` : ''})`).join('; ')}`, ''];
  out.push(`### Checksum failures (${r.checksumFailures.length} episodes)`, '');
  for (const e of r.checksumFailures) {
    out.push(`- **mailbox ${e.mailbox}: ${e.kind.toUpperCase()}**, ${e.count} failed reads ${e.firstTime} → ${e.lastTime}; computed ${e.computed ?? '?'} (stored not logged, vdsm#205). ${e.why}.`);
    out.push(`  - what to do: ${e.whatToDo}`);
    out.push(`  - first: \`${e.firstFile}:${e.firstLine}\` \`${e.quote.slice(0, 200)}\``);
  }
  const failed = r.requests.filter((q) => q.result === 'failed');
  out.push('', `### Extend requests: ${r.requests.length}, ${failed.length} failed`, '');
  for (const q of failed) out.push(`- ✗ ${q.time} volume ${q.volume} (domain ${q.domain}) to ${q.sizeMiB} MiB: \`${q.file}:${q.line}\`, exception at line ${q.failedLine}`);
  const t = r.extends.totalS;
  if (t) out.push('', `### Extend time (${r.extends.count})`, '', `total: min=${s3(t.min)} avg=${s3(t.avg)} p50=${s3(t.p50)} p95=${s3(t.p95)} max=${s3(t.max)} s`);
  if (r.pausedVms.length) out.push('', `### VMs paused: ${r.pausedVms.length}`, '', ...r.pausedVms.slice(0, 20).map((p) => `- ${p.time} VM ${p.vmId} device ${p.device} ${p.error}: \`${p.file}:${p.line}\``));
  if (r.unknownMessages.length) out.push('', `### Unknown message types: ${r.unknownMessages.length}`, '', ...r.unknownMessages.slice(0, 20).map((u) => `- ${u.time} \`${u.opcode}\`: \`${u.file}:${u.line}\``));
  return out.join('\n') + '\n';
}
