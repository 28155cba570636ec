/**
 * The command line: `mailbox-inspector decode [--json] [--max-host-id N] FILE...`.
 * Returns the exit code; writes only to the given streams.
 */
import { decodeCommand } from './decode-command';
import { parseArgs, USAGE } from './args';

export interface Streams {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export async function main(argv: string[], streams: Streams): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    streams.err.write(`mailbox-inspector: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.args.command === 'help') {
    streams.out.write(USAGE);
    return 0;
  }
  return decodeCommand(parsed.args, streams);
}
