import 'server-only';
import { ServerResponse } from 'node:http';

/**
 * Next drops Content-Encoding from a route handler's Response (it assumes a
 * fetched body was decoded on the way) and then gzips the body again for each
 * request. For answers compressed once and shared (compressed.ts), the route
 * names the encoding in this private header, and the HTTP server, patched
 * once at start (instrumentation.ts), writes it as Content-Encoding, which
 * also tells Next's own compression to leave the body alone.
 */
export const ENCODING_HEADER = 'x-mailbox-content-encoding';

const KEY = Symbol.for('mailbox-inspector.encoded-bodies');
type Patched = typeof ServerResponse.prototype & { [KEY]?: true };

export function allowPrecompressedBodies(): void {
  const proto = ServerResponse.prototype as Patched;
  if (proto[KEY]) return;
  proto[KEY] = true;
  const { setHeader, appendHeader } = proto;
  proto.setHeader = function (this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return setHeader.call(this, name.toLowerCase() === ENCODING_HEADER ? 'Content-Encoding' : name, value);
  } as typeof setHeader;
  proto.appendHeader = function (this: ServerResponse, name: string, value: string | readonly string[]) {
    return appendHeader.call(this, name.toLowerCase() === ENCODING_HEADER ? 'Content-Encoding' : name, value);
  } as typeof appendHeader;
}

/** Whether this process writes ENCODING_HEADER as Content-Encoding (else answers must go uncompressed). */
export function precompressedBodiesAllowed(): boolean {
  return (ServerResponse.prototype as Patched)[KEY] === true;
}
