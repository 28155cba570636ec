/** The command line's words: which files are which volume, and how to print them. */
import { recognise, type FileRole } from '@/lib/offline/recognise';

export const USAGE = `usage: mailbox-inspector decode [--json] [--max-host-id N] FILE...

Decodes dumps of vdsm's storage mailbox volumes, with no server: for each
host, the mailbox state, checksums, slots and each request's step.

  FILE                a dump named like inbox, outbox, *inbox*.dump, *-inbox-seq*.bin,
                      or a vdsm log (vdsm.log*, plain, .gz or .xz): what vdsm logged of the mailboxes
  --inbox FILE        a dump of the inbox volume, whatever its name
  --outbox FILE       a dump of the outbox volume, whatever its name
  --json              the JSON of POST /api/decode for each volume: {"inbox":{...},"outbox":{...}}
  --max-host-id N     vdsm's maxHostID (default 250): the SPM reads mailboxes 0..N-1

Files are only read, never written.
`;

export interface DecodeArgs {
  command: 'decode';
  json: boolean;
  maxHostId: number;
  /** the volumes, in the order given */
  files: Array<{ path: string; role: FileRole }>;
}

export type Args = DecodeArgs | { command: 'help' };

export type ParsedArgs = { ok: true; args: Args } | { ok: false; error: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { ok: true, args: { command: 'help' } };
  if (command !== 'decode') return { ok: false, error: `unknown command ${JSON.stringify(command)}: expected decode` };
  const args: DecodeArgs = { command: 'decode', json: false, maxHostId: 250, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '--json') args.json = true;
    else if (word === '--max-host-id') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 1) return { ok: false, error: `--max-host-id: expected a whole number ≥ 1, got ${JSON.stringify(rest[i] ?? null)}` };
      args.maxHostId = n;
    } else if (word === '--inbox' || word === '--outbox') {
      const path = rest[++i];
      if (path === undefined) return { ok: false, error: `${word}: expected a file after it` };
      args.files.push({ path, role: word === '--inbox' ? 'inbox' : 'outbox' });
    } else if (word.startsWith('--')) return { ok: false, error: `unknown option ${word}` };
    else args.files.push({ path: word, role: recognise(word).role });
  }
  if (args.files.length === 0) return { ok: false, error: 'decode: expected at least one file' };
  return { ok: true, args };
}
