'use client';

import { useState } from 'react';
import { MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';
import { DOMAIN, VOLUME } from './examples';
import type { FieldMessage } from './sandbox-model';

interface Props {
  onWrite: (slot: number, message: FieldMessage, fixChecksum: boolean) => string | null;
}

/** Builds a message from its fields and writes it into a slot, as a host would (optionally with the new checksum). */
export function MessageBuilder({ onWrite }: Props) {
  const [slot, setSlot] = useState('0');
  const [kind, setKind] = useState<FieldMessage['kind']>('extend');
  const [domain, setDomain] = useState(DOMAIN);
  const [volume, setVolume] = useState(VOLUME);
  const [size, setSize] = useState('128');
  const [fix, setFix] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const message = (): FieldMessage => (kind === 'extend' ? { kind, domain, volume, sizeMiB: size } : { kind });
  return (
    <form className="flex flex-wrap items-end gap-x-3 gap-y-2 text-[12px]" data-message-builder=""
      onSubmit={(e) => { e.preventDefault(); setError(onWrite(Number(slot), message(), fix)); }}>
      <label className="flex flex-col">slot
        <input className="w-[5ch] rounded border border-line bg-bg px-1 font-mono" inputMode="numeric" value={slot} onChange={(e) => setSlot(e.target.value)} aria-describedby="builder-slots" />
      </label>
      <span id="builder-slots" className="sr-only">0 to {MESSAGE_SLOTS_PER_MAILBOX - 1}</span>
      <label className="flex flex-col">message
        <select className="rounded border border-line bg-bg px-1" value={kind} onChange={(e) => setKind(e.target.value as FieldMessage['kind'])}>
          <option value="extend">xtnd (request or reply)</option>
          <option value="clean">CLEAN</option>
          <option value="empty">empty (zeros)</option>
        </select>
      </label>
      {kind === 'extend' && (
        <>
          <label className="flex flex-col">domain UUID
            <input className="w-[37ch] rounded border border-line bg-bg px-1 font-mono" value={domain} onChange={(e) => setDomain(e.target.value)} />
          </label>
          <label className="flex flex-col">volume UUID
            <input className="w-[37ch] rounded border border-line bg-bg px-1 font-mono" value={volume} onChange={(e) => setVolume(e.target.value)} />
          </label>
          <label className="flex flex-col">size (MiB; 0 = failed)
            <input className="w-[12ch] rounded border border-line bg-bg px-1 font-mono" inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />
          </label>
        </>
      )}
      <label className="flex items-center gap-1"><input type="checkbox" checked={fix} onChange={(e) => setFix(e.target.checked)} /> then store the new checksum</label>
      <button type="submit" className="btn">write into the slot</button>
      {error && <p role="alert" className="basis-full text-(--ink-vermillion)">{error}</p>}
    </form>
  );
}
