/**
 * Where `decode vdsm.log` goes: the vdsm log reader (lib/vdsm-log, issue 11)
 * plugs in here. Until it does, a log is refused with a sentence that says so.
 */
import type { Streams } from './main';

export type LogDecoder = (path: string, options: { json: boolean }, streams: Streams) => Promise<number>;

export const decodeLog = null as LogDecoder | null;
