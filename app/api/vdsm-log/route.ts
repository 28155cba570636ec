/**
 * POST /api/vdsm-log: a vdsm log in the body (plain, gzip or xz), scanned
 * as it streams in (never buffered whole), answered with the scan's JSON.
 * `?name=` labels the file in the answer (a name, never a path to read).
 */
import { json, jsonError } from '@/lib/api/respond';
import { LogScan } from '@/lib/vdsm-log';
import { logLimitBytes } from '@/lib/vdsm-log/node';
import { LogTooLargeError, UnsupportedCompressionError, feedStream, logBytes } from '@/lib/vdsm-log/streams';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_NAME_CHARS = 200;

export async function POST(request: Request): Promise<Response> {
  let limit: number;
  try {
    limit = logLimitBytes();
  } catch (error) {
    return jsonError(500, 'bad_config', `${(error as Error).message} (fix the server's environment)`);
  }
  const mb = Math.round(limit / 1024 / 1024);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    return jsonError(413, 'too_large', `a log is at most ${mb} MB here (MAILBOX_LOG_MAX_MB); send it compressed or split it`);
  }
  if (!request.body) return jsonError(400, 'empty', 'expected a vdsm log in the request body (curl --data-binary @vdsm.log)');
  const name = (new URL(request.url).searchParams.get('name') ?? 'vdsm.log').slice(0, MAX_NAME_CHARS);
  const scan = new LogScan();
  const file = scan.file(name);
  try {
    const { stream } = await logBytes(request.body);
    await feedStream(file, stream, { limitBytes: limit, signal: request.signal });
  } catch (error) {
    if (error instanceof LogTooLargeError) {
      return jsonError(413, 'too_large', `${name}: more than ${mb} MB of log (MAILBOX_LOG_MAX_MB); split it, or raise the limit`);
    }
    if (error instanceof UnsupportedCompressionError) return jsonError(415, 'unsupported_compression', `${name}: ${error.message}`);
    return jsonError(400, 'unreadable', `${name}: could not read the body (${(error as Error).message}); send the log plain, gzip or xz`);
  }
  return json(scan.result());
}
