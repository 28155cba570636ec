import type { ReactNode } from 'react';
import { humanMiB } from '@/lib/format/units';
import type { LogScanResult, StatSummary } from '@/lib/vdsm-log';
import { ExtendPlot } from './extend-plot';

const s3 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

function Table({ head, rows, attr }: { head: string[]; rows: ReactNode[][]; attr: string }) {
  return (
    <table className="w-full border-collapse text-[12px]" data-table={attr}>
      <thead><tr>{head.map((h) => <th key={h} className="border-b border-line px-1 text-left font-semibold">{h}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i} className="border-b border-line" data-row={attr}>{r.map((c, j) => <td key={j} className="px-1 align-top">{c}</td>)}</tr>)}</tbody>
    </table>
  );
}

const where = (p: { file: string; line: number; time: string | null }) => <span className="font-mono text-muted">{p.file}:{p.line} {p.time ?? ''}</span>;

export function RequestsTable({ result }: { result: LogScanResult }) {
  if (result.requests.length === 0) return <p className="text-muted">No <code>processRequest: extending</code> lines (the SPM's log has them).</p>;
  return (
    <Table attr="request" head={['result', 'volume', 'domain', 'size', 'queued', 'to completion', 'where']} rows={result.requests.map((r) => [
      r.result === 'failed' ? <span style={{ color: 'var(--ink-vermillion)' }}>✗ failed (line {r.failedLine})</span> : r.result === 'ok' ? <span style={{ color: 'var(--ink-green)' }}>✓ ok</span> : <span className="text-muted">– not logged</span>,
      <span className="font-mono">{r.volume}</span>, <span className="font-mono">{r.domain}</span>, humanMiB(r.sizeMiB),
      r.queuedS === null ? '–' : `${r.queuedS.toFixed(3)} s`, r.completedS === null ? '–' : `${r.completedS.toFixed(3)} s`, where(r),
    ])} />
  );
}

function StatRow({ name, s }: { name: string; s: StatSummary | null }) {
  return <tr><td className="pr-2">{name}</td>{s ? [s.min, s.avg, s.p50, s.p95, s.max].map((v, i) => <td key={i} className="num px-1">{s3(v)}</td>) : <td colSpan={5} className="text-muted">–</td>}</tr>;
}

export function ExtendTiming({ result }: { result: LogScanResult }) {
  const x = result.extends;
  if (x.count === 0) return <p className="text-muted">No <code>Extend volume … completed</code> lines (the hosts' logs have them).</p>;
  return (
    <div className="space-y-2" data-extends={x.count}>
      <table className="text-[12px]">
        <thead><tr><th className="text-left">{x.count} extends, seconds</th>{['min', 'avg', 'p50', 'p95', 'max'].map((h) => <th key={h} className="px-1 text-right">{h}</th>)}</tr></thead>
        <tbody>
          <StatRow name="total" s={x.totalS} /><StatRow name="wait" s={x.waitS} /><StatRow name="extend" s={x.extendS} /><StatRow name="refresh" s={x.refreshS} />
        </tbody>
      </table>
      <ExtendPlot series={x.series} p95={x.totalS?.p95 ?? null} />
    </div>
  );
}

export function OtherRecords({ result }: { result: LogScanResult }) {
  return (
    <div className="space-y-3">
      {result.unknownMessages.length > 0 && (
        <section><h3 className="font-semibold">? Unknown message types</h3>
          <Table attr="unknown" head={['opcode', 'bytes', 'where']} rows={result.unknownMessages.map((u) => [<span className="font-mono">{u.opcode}</span>, <span className="font-mono">{u.opcodeHex}</span>, where(u)])} /></section>
      )}
      {result.incorrectReplies.length > 0 && (
        <section><h3 className="font-semibold">≠ Incorrect replies</h3>
          <Table attr="incorrect" head={['line', 'where']} rows={result.incorrectReplies.map((r) => [<span className="font-mono break-all">{r.quote}</span>, where(r)])} /></section>
      )}
      {result.dd.length > 0 && (
        <section><h3 className="font-semibold">Mailbox dd commands (slow storage shows here first)</h3>
          <Table attr="dd" head={['bytes', 'count', 'min s', 'p50 s', 'p95 s', 'max s', 'slowest']} rows={result.dd.map((d) => [
            <span className="num">{d.bytes}</span>, <span className="num">{d.count}</span>, s3(d.seconds.min), s3(d.seconds.p50), s3(d.seconds.p95), s3(d.seconds.max),
            d.slowest[0] ? where(d.slowest[0]) : '–'])} /></section>
      )}
      {result.pausedVms.length > 0 && (
        <section><h3 className="font-semibold">⏸ VMs paused</h3>
          <Table attr="paused" head={['VM', 'device', 'error', 'where']} rows={result.pausedVms.map((p) => [<span className="font-mono">{p.vmId ?? '?'}</span>, p.device, p.error.toUpperCase(), where(p)])} /></section>
      )}
      {result.hosts.length > 0 && (
        <section><h3 className="font-semibold">Host ids</h3>
          <Table attr="host" head={['host id', 'from', 'pool / domain', 'where']} rows={result.hosts.map((h) => [<span className="num">{h.hostId}</span>, h.how, <span className="font-mono">{h.domainOrPool ?? ''}</span>, where(h)])} /></section>
      )}
      {result.findings.length > 0 && (
        <section><h3 className="font-semibold">⚠ Findings ({result.findings.length}{result.findingsDropped ? ` + ${result.findingsDropped} not listed` : ''})</h3>
          <Table attr="finding" head={['severity', 'what', 'where']} rows={result.findings.map((f) => [f.severity, f.message, f.file ? <span className="font-mono text-muted">{f.file}:{f.line ?? ''}</span> : ''])} /></section>
      )}
    </div>
  );
}
