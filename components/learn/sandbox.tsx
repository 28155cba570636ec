'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLEAN, DEFAULT_MAX_HOST_ID, MESSAGE_SLOTS_PER_MAILBOX, encodeMailbox, type Message, type VolumeKind } from '@/lib/mailbox';
import { mailboxRanges } from '@/components/host-detail/mailbox-ranges';
import { FieldLegend } from '@/components/host-detail/field-legend';
import { bug1426762, BUG_HOST, mailboxWith, REQUEST } from './examples';
import { MessageBuilder } from './message-builder';
import { SandboxGrid } from './sandbox-grid';
import { SandboxResult } from './sandbox-result';
import { decodeSandbox, dumpName, emptyMailbox, setByte, typeDigit, withChecksum, writeFields, type FieldMessage } from './sandbox-model';

interface Start {
  id: string;
  label: string;
  kind: VolumeKind;
  host: number;
  bytes: () => Uint8Array;
}

function fullMailbox(): Uint8Array {
  const messages: Record<number, Message> = {};
  for (let s = 0; s < MESSAGE_SLOTS_PER_MAILBOX; s++) messages[s] = s % 3 === 2 ? CLEAN : REQUEST;
  return encodeMailbox(messages);
}

const STARTS: readonly Start[] = [
  { id: 'request', label: 'a request, checksum right', kind: 'inbox', host: 3, bytes: () => mailboxWith(0, REQUEST) },
  { id: 'bug-1426762', label: 'bug 1426762 (torn)', kind: 'inbox', host: BUG_HOST, bytes: () => bug1426762().torn },
  { id: 'full', label: 'a full mailbox', kind: 'inbox', host: 5, bytes: fullMailbox },
  { id: 'empty', label: 'empty', kind: 'inbox', host: 3, bytes: emptyMailbox },
];

/** Edit a mailbox byte by byte or from fields; the decode, findings and both checksums follow every edit. */
export function Sandbox() {
  const [kind, setKind] = useState<VolumeKind>('inbox');
  const [host, setHost] = useState(3);
  const [hostText, setHostText] = useState('3');
  const [bytes, setBytes] = useState<Uint8Array>(() => STARTS[0].bytes());
  const [cursor, setCursor] = useState(0);
  const [held, setHeld] = useState<number | null>(null);
  // The 4096 editable bytes are drawn in the browser only: they need JavaScript anyway, and would weigh most of the page's HTML.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  const decoded = useMemo(() => decodeSandbox({ kind, host, bytes }), [kind, host, bytes]);
  const ranges = useMemo(() => mailboxRanges(bytes, kind, host, decoded.mailbox.checksum), [bytes, kind, host, decoded]);

  const moveTo = useCallback((offset: number) => { setCursor(offset); setHeld(null); }, []);
  const onDigit = (digit: number) => {
    const typed = typeDigit(bytes, cursor, held, digit);
    setBytes(typed.bytes);
    setHeld(typed.held);
    if (typed.advance) setCursor(Math.min(bytes.length - 1, cursor + 1));
  };
  const load = (start: Start) => {
    setBytes(start.bytes());
    setKind(start.kind);
    setHost(start.host);
    setHostText(String(start.host));
    moveTo(0);
  };
  const onWrite = (slot: number, message: FieldMessage, fix: boolean): string | null => {
    const result = writeFields(bytes, slot, message, fix && kind === 'inbox');
    if ('error' in result) return result.error;
    setBytes(result.bytes);
    moveTo(slot * 64);
    return null;
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = dumpName({ kind, host, bytes });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="space-y-2 rounded border border-line p-3" data-sandbox="" data-sandbox-kind={kind} data-sandbox-host={host}>
      <div className="flex flex-wrap items-center gap-2 text-[12px]">
        <span className="text-muted">start from</span>
        {STARTS.map((s) => <button key={s.id} type="button" className="btn" data-sandbox-start={s.id} onClick={() => load(s)}>{s.label}</button>)}
        <span className="ml-3 text-muted">volume</span>
        {(['inbox', 'outbox'] as const).map((k) => (
          <button key={k} type="button" className="btn" aria-pressed={kind === k} onClick={() => setKind(k)}>{k}</button>
        ))}
        <label className="ml-3 flex items-center gap-1 text-muted">host
          <input className="w-[6ch] rounded border border-line bg-bg px-1 font-mono text-fg" inputMode="numeric" value={hostText} data-sandbox-host-input=""
            onChange={(e) => {
              setHostText(e.target.value);
              const n = Number(e.target.value);
              if (/^\d{1,5}$/.test(e.target.value) && n >= 1) setHost(n);
            }} />
        </label>
        <span className="text-faint">(try {DEFAULT_MAX_HOST_ID})</span>
      </div>
      <MessageBuilder onWrite={onWrite} />
      <div className="flex flex-wrap items-center gap-2 text-[12px]">
        <button type="button" className="btn" onClick={() => setBytes(withChecksum(bytes))} disabled={kind !== 'inbox'} data-sandbox-fix="">store the computed checksum</button>
        <button type="button" className="btn" onClick={() => setBytes(setByte(bytes, cursor, 0))}>zero this byte</button>
        <button type="button" className="btn" onClick={download} data-sandbox-download="">⇩ download as a dump (4096 bytes)</button>
        <span className="text-muted">byte <span className="num">{cursor}</span> (slot {Math.floor(cursor / 64)}, sector {Math.floor(cursor / 512)}): click it, type two hex digits; arrows, PgUp/PgDn move; Delete writes 00</span>
      </div>
      <FieldLegend />
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        {mounted
          ? <SandboxGrid bytes={bytes} ranges={ranges} cursor={cursor} held={held} onCursor={moveTo} onDigit={onDigit} onZero={() => setBytes(setByte(bytes, cursor, 0))} />
          : <p className="h-[26rem] w-[76ch] text-muted">loading the editable bytes…</p>}
        <div className="min-w-[22rem] flex-1"><SandboxResult decoded={decoded} onJump={moveTo} /></div>
      </div>
    </div>
  );
}
