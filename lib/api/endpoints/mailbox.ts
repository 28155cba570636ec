import { mailboxResponse } from '../mailbox-json';
import { seqParam } from '../params';
import { json, jsonError } from '../respond';
import type { SourceEndpoint } from './source-request';

/** One host's 4096-byte inbox and outbox mailboxes (base64), now or at `?seq=SEQ` from the history. */
export const mailboxEndpoint: SourceEndpoint<{ id: string; host: string }> = async ({ source, query, params: { host } }) => {
  const hostId = Number(host);
  if (!/^\d+$/.test(host) || hostId < 1 || hostId > source.options.maxHostId) {
    return jsonError(400, 'bad_host', `host must be a number from 1 to ${source.options.maxHostId}, got ${JSON.stringify(host)}`);
  }
  const seq = seqParam(query, 'seq');
  if (!seq.ok) return seq.response;
  const latest = await source.latestRead();
  const mailbox = mailboxResponse(source, hostId, seq.value ?? latest.seq);
  if (!mailbox) return jsonError(404, 'not_in_history', `read ${seq.value} of ${source.id} is not in the history`);
  return json(mailbox);
};
