import type { EpisodeVerdict } from '@/lib/api/history-types';

/** The verdict's word, as the badges and the incident summary write it. */
export const VERDICT_WORDS: Readonly<Record<EpisodeVerdict, string>> = {
  torn: 'TORN',
  corrupt: 'CORRUPT',
  pending: 'FAILING',
  unproven: 'UNPROVEN',
};

export const VERDICT_MEANINGS: Readonly<Record<EpisodeVerdict, string>> = {
  torn: 'proven torn: every sector equals the read before or the read after',
  corrupt: 'some sector equals neither the read before nor the read after: not explained by a tear',
  pending: 'no valid read since the failure yet: no verdict',
  unproven: 'no valid read before the failure in history: old cannot be told from new',
};
