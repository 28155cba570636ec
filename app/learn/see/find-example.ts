/**
 * "See one now": the newest read in a source's history that shows a kind of
 * example (a failed reply, a CLEAN, a tear, mail outside the SPM's window),
 * and where on the grid. Reads the history only; decodes the few mailboxes
 * it looks at with the format library.
 */
import { decodeMailbox, pairMailboxes, type LifecycleStep } from '@/lib/mailbox';
import type { SourceHistory } from '@/lib/history/source-history';

export const EXAMPLE_KINDS = ['failed', 'clean', 'torn', 'outside', 'replied', 'requested'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];

export const EXAMPLE_WORDS: Readonly<Record<ExampleKind, string>> = {
  failed: 'failed reply (size 0)',
  clean: 'CLEAN',
  torn: 'proven torn mailbox',
  outside: 'mail outside the SPM’s read window',
  replied: 'successful reply',
  requested: 'request waiting for its reply',
};

export function isExampleKind(text: string): text is ExampleKind {
  return (EXAMPLE_KINDS as readonly string[]).includes(text);
}

export interface FoundExample {
  seq: number;
  host: number;
  slot: number | null;
}

const STEPS: Partial<Record<ExampleKind, readonly LifecycleStep[]>> = {
  failed: ['failed'],
  clean: ['host_acked', 'spm_acked'],
  replied: ['replied'],
  requested: ['requested'],
};

function newestTorn(history: SourceHistory): FoundExample | null {
  const torn = history.episodes.list().filter((e) => e.verdict === 'torn').sort((a, b) => b.startSeq - a.startSeq);
  // Rather a tear the SPM would have logged and dropped mail for than one of a mailbox without mail (STALE).
  for (const dropping of [true, false]) {
    for (const episode of torn) {
      for (let i = episode.versions.length - 1; i >= 0; i--) {
        const version = episode.versions[i];
        // the newest failed content of the episode, at the last read that saw it
        if ((!dropping || version.spmChecks) && history.store.entry(version.lastSeq)) return { seq: version.lastSeq, host: episode.host, slot: null };
      }
    }
  }
  return null;
}

const XTND = 'xtnd';
const CLEAN_TEXT = '\x01'.repeat(64);
/** A failed reply's bytes 37..63: the size 0 in 16 digits, then the 11 padding '0's. No other message has 27 '0's in a row there. */
const FAILED_TAIL = '0'.repeat(27);

/**
 * Whether the two mailboxes can show the example, from their stored text
 * alone (history versions keep a mailbox as a latin1 string): most
 * mailboxes are ruled out without being rebuilt or decoded.
 */
function mayShow(kind: ExampleKind, inbox: string, outbox: string): boolean {
  switch (kind) {
    case 'failed': return inbox.includes(XTND) && outbox.includes(FAILED_TAIL);
    case 'replied': return inbox.includes(XTND) && outbox.includes(XTND);
    case 'requested': return inbox.includes(XTND);
    case 'clean': return inbox.includes(CLEAN_TEXT);
    default: return inbox !== '';
  }
}

function slotAt(history: SourceHistory, kind: ExampleKind, host: number, seq: number, maxHostId: number): number | null {
  const { store } = history;
  const inboxVersion = store.versionAt('inbox', host, seq);
  if (!inboxVersion || !mayShow(kind, inboxVersion.head, store.versionAt('outbox', host, seq)?.head ?? '')) return null;
  const inboxBytes = store.mailboxAt('inbox', host, seq);
  const outboxBytes = store.mailboxAt('outbox', host, seq);
  const ctx = { host, maxHostId };
  const inbox = inboxBytes ? decodeMailbox(inboxBytes, 0, { ...ctx, kind: 'inbox' }) : null;
  if (kind === 'outside') return host >= maxHostId && inbox && inbox.slots.length > 0 ? inbox.slots[0].index : null;
  if (host >= maxHostId) return null;
  const outbox = outboxBytes ? decodeMailbox(outboxBytes, 0, { ...ctx, kind: 'outbox' }) : null;
  const wanted = STEPS[kind] ?? [];
  return pairMailboxes(inbox, outbox).find((l) => wanted.includes(l.step))?.slot ?? null;
}

/**
 * A search runs on the server's event loop, so it stops after a bounded
 * amount of work, even on a busy pool's hour of history, and says it found
 * nothing: at most this many mailboxes looked at (most are ruled out from
 * their stored text, without being decoded), and at most this long.
 */
export const MAX_LOOKS = 20_000;
export const MAX_SEARCH_MS = 50;

/**
 * Walks the reads from the newest back. At the newest every host is looked
 * at; a read older than that differs from the one after it only in the
 * mailboxes that read changed, so only those are looked at again.
 */
export function findExample(history: SourceHistory, kind: ExampleKind, maxHostId: number, maxLooks = MAX_LOOKS, maxMs = MAX_SEARCH_MS): FoundExample | null {
  if (kind === 'torn') return newestTorn(history);
  const entries = history.store.since(-1);
  const deadline = performance.now() + maxMs;
  // mail outside the window can only be in mailboxes maxHostId and up
  const first = kind === 'outside' ? maxHostId : 1;
  let looks = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    let hosts: Iterable<number>;
    if (i === entries.length - 1) {
      const count = Math.max(entry.inbox?.mailboxes ?? 0, entry.outbox?.mailboxes ?? 0);
      hosts = Array.from({ length: Math.max(0, count - first) }, (_, h) => h + first);
    } else {
      const later = entries[i + 1];
      hosts = new Set([...(later.inbox?.changed ?? []), ...(later.outbox?.changed ?? [])].filter((h) => h >= first));
    }
    if (performance.now() > deadline) return null;
    for (const host of hosts) {
      if (looks >= maxLooks) return null;
      const slot = slotAt(history, kind, host, entry.seq, maxHostId);
      if (slot !== null) return { seq: entry.seq, host, slot };
      looks++;
    }
  }
  return null;
}

/** The live page's URL state for a found example (app/_components/url-state.ts reads it). */
export function inspectorUrl(source: string, found: FoundExample): string {
  const params = new URLSearchParams({ source, seq: String(found.seq), host: String(found.host) });
  if (found.slot !== null) params.set('slot', String(found.slot));
  return `/?${params.toString()}`;
}
