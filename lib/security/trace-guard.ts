import 'server-only';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from './headers';

const GUARDED = Symbol.for('mailbox-inspector.trace-guard');

/**
 * TRACE cannot become a Fetch Request (the constructor throws), so Next fails
 * it with a 500 before the proxy sees it. Answer it here, at the HTTP server,
 * with the same 405 the proxy gives other unsupported methods.
 */
export function refuseTraceAtServer(): void {
  const proto = Server.prototype as Server & { [GUARDED]?: true };
  if (proto[GUARDED]) return;
  proto[GUARDED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' && (args[0] as IncomingMessage).method === 'TRACE') {
      const res = args[1] as ServerResponse;
      const body = JSON.stringify({ error: { code: 'method_not_allowed', message: 'TRACE is not supported here; the inspector answers GET, HEAD and POST' } });
      res.writeHead(405, {
        ...STATIC_SECURITY_HEADERS,
        'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        Allow: 'GET, HEAD, POST, OPTIONS',
      });
      res.end(body);
      return true;
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
