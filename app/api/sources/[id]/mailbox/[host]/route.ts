import { seqParam } from '@/lib/api/params';
import { json, jsonError } from '@/lib/api/respond';
import { sourceRoute } from '@/lib/sources/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One host's 4096-byte inbox and outbox mailboxes (base64), now or at `?seq=SEQ` from the history. */
export const GET = sourceRoute<{ id: string; host: string }>(async ({ source, query, params: { host } }) => {
  const hostId = Number(host);
  if (!/^\d+$/.test(host) || hostId < 1 || hostId > source.options.maxHostId) {
    return jsonError(400, 'bad_host', `host must be a number from 1 to ${source.options.maxHostId}, got ${JSON.stringify(host)}`);
  }
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;
  const mailbox = await source.mailbox(hostId, seq.value);
  if (!mailbox) return jsonError(404, 'not_in_history', `read ${seq.value} of ${source.id} is not in the history`);
  return json(mailbox);
});
