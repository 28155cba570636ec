/** GETs with the bytes on the wire counted (gzip asked for or not) and the time to the last byte. */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Fetched {
  status: number;
  wireBytes: number;
  body: string;
  ms: number;
  encoding: string | null;
}

/** One retry: a loaded machine may drop a connection; the error names the URL if it happens twice. */
export async function get(url: string, gzip: boolean): Promise<Fetched> {
  try {
    return await getOnce(url, gzip);
  } catch {
    try {
      return await getOnce(url, gzip);
    } catch (err) {
      throw new Error(`GET ${url}: ${(err as Error).message}`);
    }
  }
}

function getOnce(url: string, gzip: boolean): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? null;
        const body = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, wireBytes: raw.length, body, ms: performance.now() - started, encoding });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `mailbox_reads_total` of a source, from /api/metrics. */
export async function readsTotal(base: string, source: string): Promise<number> {
  const text = (await get(`${base}/api/metrics`, false)).body;
  const line = text.split('\n').find((l) => l.startsWith(`mailbox_reads_total{source="${source}"}`));
  return line ? Number(line.split(' ').pop()) : NaN;
}
