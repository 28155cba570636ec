import { describe, expect, it } from 'vitest';
import { AnswerChannel, workerFetch, type ParsedResponse } from './answer-fetch';
import { readAnswer, type AnswerRequest } from './answer-worker-protocol';

const URL_ = 'http://127.0.0.1:3000/api/sources/demo/snapshot?view=cells&since=4';

/** A worker that answers as answer-worker.ts does, with `fetchImpl` as its network; or fails on the first request. */
function fakeWorker(fetchImpl: typeof fetch, fail = false): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    terminated: false,
    postMessage(request: AnswerRequest) {
      if (fail) return void setTimeout(() => worker.onerror?.({ message: 'could not load' } as ErrorEvent));
      void readAnswer(request, fetchImpl, () => 1234).then((answer) => worker.onmessage?.({ data: answer } as MessageEvent));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker as unknown as Worker;
}

const unused = () => Promise.reject(new Error('the fallback was not to be used'));

describe('answers read and parsed in a worker', () => {
  it('hands the fetcher a response whose JSON is parsed, with its status, headers and when the headers came', async () => {
    const seen: Array<[string, Record<string, string>]> = [];
    const network = (async (url: string, init: RequestInit) => {
      seen.push([url, init.headers as Record<string, string>]);
      return new Response(JSON.stringify({ seq: 5, full: false, hosts: [{ id: 7 }] }), { status: 200, headers: { etag: '"ab"', 'x-mailbox-seq': '5' } });
    }) as typeof fetch;
    const fetchImpl = workerFetch(unused, new AnswerChannel(() => fakeWorker(network)));
    const res = (await fetchImpl(URL_, { headers: { 'If-None-Match': '"aa"' } })) as unknown as ParsedResponse;
    expect(seen).toEqual([[URL_, { 'if-none-match': '"aa"' }]]);
    expect([res.status, res.ok, res.headers.get('etag'), res.headers.get('x-mailbox-seq'), res.headersAt]).toEqual([200, true, '"ab"', '5', 1234]);
    expect(await res.json()).toEqual({ seq: 5, full: false, hosts: [{ id: 7 }], slotsText: '' }); // a view=cells answer: its slots texts gathered (none here)
  });

  it('passes on a 304 without a body, an error answer with its JSON, a body that is not JSON as a failed json(), and a network failure as fetch does', async () => {
    const answers: Array<() => Response> = [
      () => new Response(null, { status: 304, headers: { 'x-mailbox-seq': '9' } }),
      () => new Response(JSON.stringify({ error: { code: 'not_found', message: 'no such source' } }), { status: 404 }),
      () => new Response('{"seq":', { status: 200 }),
    ];
    let n = 0;
    const network = (async () => {
      if (n === answers.length) throw new TypeError('Failed to fetch');
      return answers[n++]();
    }) as typeof fetch;
    const fetchImpl = workerFetch(unused, new AnswerChannel(() => fakeWorker(network)));
    const notModified = (await fetchImpl(URL_, {})) as unknown as ParsedResponse;
    expect([notModified.status, notModified.ok, notModified.headers.get('x-mailbox-seq')]).toEqual([304, false, '9']);
    const missing = (await fetchImpl(URL_, {})) as unknown as ParsedResponse;
    expect([missing.status, missing.ok, await missing.json()]).toEqual([404, false, { error: { code: 'not_found', message: 'no such source' } }]);
    const broken = (await fetchImpl(URL_, {})) as unknown as ParsedResponse;
    await expect(broken.json()).rejects.toThrow(SyntaxError);
    await expect(fetchImpl(URL_, {})).rejects.toThrow(TypeError);
  });

  it('gathers the slots texts of a view=cells answer into one string, and leaves other answers as they came', async () => {
    const host = { id: 3, outsideWindow: false, steps: 'R', inbox: { state: 'valid', checksum: null, spmReads: true, slots: '[0,1,128]' }, outbox: { state: 'in_use', slots: '[]' } };
    const network = (async () => new Response(JSON.stringify({ seq: 2, hosts: [host] }), { status: 200 })) as typeof fetch;
    const cells = await readAnswer({ id: 1, url: URL_, headers: {} }, network);
    expect('body' in cells && cells.body).toEqual({
      seq: 2, slotsText: '[0,1,128][]',
      hosts: [{ ...host, inbox: { ...host.inbox, slots: undefined, slotsFrom: 0, slotsTo: 9 }, outbox: { state: 'in_use', slotsFrom: 9, slotsTo: 11 } }].map((h) => JSON.parse(JSON.stringify(h))),
    });
    const grid = await readAnswer({ id: 2, url: URL_.replace('view=cells', 'view=grid'), headers: {} }, network);
    expect('body' in grid && grid.body).toEqual({ seq: 2, hosts: [host] });
  });

  it('shares one worker between fetchers, each answered with its own requests', async () => {
    let started = 0;
    const network = (async (url: string) => new Response(JSON.stringify({ url }), { status: 200 })) as typeof fetch;
    const channel = new AnswerChannel(() => (started++, fakeWorker(network)));
    const [a, b] = [workerFetch(unused, channel), workerFetch(unused, channel)];
    const answers = await Promise.all([a(`${URL_}&a`, {}), b(`${URL_}&b`, {}), a(`${URL_}&c`, {})]);
    expect(await Promise.all(answers.map((r) => r.json()))).toEqual([{ url: `${URL_}&a` }, { url: `${URL_}&b` }, { url: `${URL_}&c` }]);
    expect(started).toBe(1);
  });

  it('fetches on the main thread where there is no worker, and from the first failure of one on', async () => {
    const asked: string[] = [];
    const fallback = async (url: string) => (asked.push(url), new Response('{"seq":1}', { status: 200 }));
    expect(await (await workerFetch(fallback, new AnswerChannel(() => null))(URL_, {})).json()).toEqual({ seq: 1 });
    let started = 0;
    const failing = workerFetch(fallback, new AnswerChannel(() => (started++, fakeWorker(unused as typeof fetch, true))));
    expect(await (await failing(URL_, {})).json()).toEqual({ seq: 1 }); // the request under way when it failed
    expect(await (await failing(URL_, {})).json()).toEqual({ seq: 1 });
    expect([asked.length, started]).toEqual([3, 1]);
  });
});
