'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { SourceInfo } from '@/lib/api/types';
import { copyText } from '@/components/ui/copy-text';
import { responseError } from '@/components/live-grid/snapshot-fetcher';
import { useTransport, type Transport } from './transport';

interface ExportBarProps {
  source: SourceInfo;
  /** the read on screen when paused or time travelling; null: the latest read */
  seq: number | null;
}

/**
 * A link that downloads what `href` answers. From the server it is a plain
 * link; for opened files the answer is made in this browser and saved from a
 * Blob, so nothing is sent anywhere.
 */
function Download({ transport, href, filename, children, ...rest }: { transport: Transport; href: string; filename?: string; children: ReactNode; title: string; 'data-export': string }) {
  if (transport.kind === 'server') return <a className="btn" href={href} download={filename ?? true} {...rest}>{children}</a>;
  const save = async () => {
    const res = await transport.fetch(href, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, 'export');
    const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: filename ?? named ?? 'export' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return <button type="button" className="btn" onClick={() => void save()} {...rest}>{children}</button>;
}

type CopyState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'copied'; lines: number } | { kind: 'failed'; text: string | null; why: string };

const base = (source: SourceInfo) => `/api/sources/${encodeURIComponent(source.id)}`;

/**
 * The read on screen as files: the raw window of each volume (what `dd`
 * would have read), both decoded as JSON, and the incident summary in
 * Markdown for the ticket, copied or downloaded.
 */
export function ExportBar({ source, seq }: ExportBarProps) {
  const at = seq === null ? '' : `&seq=${seq}`;
  const which = seq === null ? 'the latest read' : `read #${seq}`;
  // While time travelling, the summary stops at the read on screen.
  const incident = `${base(source)}/incident${seq === null ? '' : `?until=${seq}`}`;
  const transport = useTransport();
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  useEffect(() => {
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const copySummary = async () => {
    setCopy({ kind: 'busy' });
    let text: string | null = null;
    try {
      const res = await transport.fetch(incident, { cache: 'no-store' });
      if (!res.ok) throw await responseError(res, 'incident summary');
      text = await res.text();
      if (!(await copyText(text))) throw new Error('the browser refused to copy');
      setCopy({ kind: 'copied', lines: text.split('\n').length });
    } catch (err) {
      setCopy({ kind: 'failed', text, why: (err as Error).message });
    }
  };

  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return (
    <>
      <span className="text-[11px] text-muted">{which}:</span>
      {/* only what can work: a source without an outbox offers no outbox download */}
      {source.inbox && <Download transport={transport} href={`${base(source)}/export?volume=inbox${at}`} data-export="inbox" title={`the inbox window as read at ${which}: raw bytes, what dd would give`}>⤓ inbox.bin</Download>}
      {source.outbox && <Download transport={transport} href={`${base(source)}/export?volume=outbox${at}`} data-export="outbox" title={`the outbox window as read at ${which}: raw bytes`}>⤓ outbox.bin</Download>}
      <Download transport={transport} href={`${base(source)}/export?format=json${at}`} data-export="json" title={`the volumes at ${which}: bytes (base64), sha256 and their decoding`}>⤓ JSON</Download>
      <span className="mx-1 h-4 w-px bg-line-strong" aria-hidden />
      <button type="button" className="btn" onClick={copySummary} disabled={copy.kind === 'busy'} data-testid="copy-incident"
        title={`Markdown for the ticket: episodes with verdicts, stuck requests, latencies and hex dumps, over the history kept up to ${which}`}>
        {copy.kind === 'copied' ? `copied ✓ (${copy.lines} lines)` : copy.kind === 'busy' ? 'copying…' : 'copy incident summary'}
      </button>
      <Download transport={transport} href={incident} filename={`incident-${source.id}-${stamp}.md`} data-export="incident" title="the incident summary as a Markdown file">⤓ .md</Download>
      {copy.kind === 'failed' && <CopyFallback state={copy} onClose={() => setCopy({ kind: 'idle' })} />}
    </>
  );
}

/** When copying fails (a browser without clipboard access), the text is shown to select by hand. */
function CopyFallback({ state, onClose }: { state: Extract<CopyState, { kind: 'failed' }>; onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 pt-[10vh]" onClick={onClose}>
      <div role="dialog" aria-label="incident summary" className="w-[min(64rem,94vw)] rounded border border-line-strong bg-panel p-3 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <div className="mb-2 flex items-center gap-2">
          <p role="alert" className="font-semibold text-(--ink-vermillion)">Could not copy the incident summary: {state.why}.</p>
          <button type="button" className="btn ml-auto" onClick={onClose}>✕ close</button>
        </div>
        {state.text !== null && (
          <>
            <p className="mb-1 text-[12px] text-muted">Select it here and copy it yourself (Ctrl+A, Ctrl+C), or use ⤓ .md.</p>
            <textarea readOnly value={state.text} className="h-[60vh] w-full rounded-sm border border-line bg-sunken p-2 font-mono text-[12px]" onFocus={(e) => e.target.select()} autoFocus />
          </>
        )}
      </div>
    </div>
  );
}
