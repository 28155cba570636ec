/**
 * `decode vdsm.log`: the vdsm log reader (lib/vdsm-log), the same scan the
 * log panel and POST /api/vdsm-log run. Text: the summary the panel copies
 * for a ticket; --json: the JSON of POST /api/vdsm-log.
 */
import { logReport } from '@/lib/report/log-markdown';
import { buildTimeline } from '@/lib/vdsm-log';
import { scanLogFile } from '@/lib/vdsm-log/node';
import type { Streams } from './main';

export type LogDecoder = (path: string, options: { json: boolean }, streams: Streams) => Promise<number>;

export const decodeLog: LogDecoder | null = async (path, { json }, streams) => {
  try {
    const result = await scanLogFile(path);
    streams.out.write(json ? `${JSON.stringify(result)}\n` : `${logReport({ scan: result, timeline: buildTimeline(result) })}\n`);
    return 0;
  } catch (error) {
    streams.err.write(`${path}: ${(error as Error).message}\n`);
    return 1;
  }
};
