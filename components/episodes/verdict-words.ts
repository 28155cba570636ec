/** Verdict words and meanings: one vocabulary for badges, tables and the incident summary (lib/format/vocabulary.ts). */
export { VERDICT_MEANINGS, VERDICT_WORDS } from '@/lib/format/vocabulary';
