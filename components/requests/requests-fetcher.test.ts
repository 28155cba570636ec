import { describe, expect, it } from 'vitest';
import { requestOf } from '@/test/ui/episode-of';
import { createRequestsFetcher } from './requests-fetcher';
import { HELD_REQUESTS, STORM_LIMIT } from './requests-buffer';

/** A server that answers `records` with the total it is told, and remembers what it was asked. */
function server() {
  const asked: string[] = [];
  let next = { records: [requestOf(1, 0, { id: 'a', updatedSeq: 1 })], total: 1 };
  const fetchImpl = async (url: string) => {
    asked.push(url.slice(url.indexOf('?') + 1));
    return new Response(JSON.stringify(next.records), { headers: { 'X-Total-Count': String(next.total) } });
  };
  return { asked, fetchImpl, answer: (records: typeof next.records, total: number) => (next = { records, total }) };
}

describe('createRequestsFetcher', () => {
  it('asks for everything once, then what changed, and fewer records at a time in a storm', async () => {
    const s = server();
    const fetchRequests = createRequestsFetcher(s.fetchImpl, () => 0);
    await fetchRequests('/api/sources/a/requests');
    s.answer([requestOf(1, 1, { id: 'b', updatedSeq: 7 })], 30_000);
    expect((await fetchRequests('/api/sources/a/requests')).storm).toBe(true);
    s.answer([requestOf(1, 2, { id: 'c', updatedSeq: 9 })], 2);
    expect((await fetchRequests('/api/sources/a/requests')).storm).toBe(false);
    await fetchRequests('/api/sources/a/requests');
    expect(s.asked).toEqual([
      `limit=${HELD_REQUESTS}`,
      `since=1&limit=${HELD_REQUESTS}`,
      `since=7&limit=${STORM_LIMIT}`,
      `since=9&limit=${HELD_REQUESTS}`,
    ]);
  });
});
