/**
 * A real `checksum failed` line from vdsm's log (test/fixtures/vdsm-trace/
 * torn-pre2017/vdsm.log, its first line), cut in the middle of its 4092 data
 * bytes for display, as pieces that the lesson annotates one by one.
 */

export type LogPart = 'time' | 'level' | 'mailbox' | 'words' | 'data' | 'checksum' | 'expected' | 'source';

export interface LogPiece {
  text: string;
  part?: LogPart;
}

/** The line before the cut (data's first 68 bytes) and after it (data's last 4 bytes and the rest). */
export const LOG_BEFORE_CUT: readonly LogPiece[] = [
  { text: '2026-11-24 20:47:28,429+0000', part: 'time' },
  { text: ' ' },
  { text: 'ERROR', part: 'level' },
  { text: ' (mailbox-spm) [storage.mailbox] ' },
  { text: 'mailbox 4', part: 'mailbox' },
  { text: ' checksum failed, not clearing mailbox, clearing new mail', part: 'words' },
  { text: ' (' },
  { text: "data=b'1xtnd\\xe1_\\xfeeT\\x8a\\x18\\xb3\\xe0JT\\xe5^\\xc8\\xdb\\x8a_Z%\\xd8\\xfcs.\\xa4\\xc3C\\xbb>\\xc6\\xf1r\\xd7000000000000008000000000000\\x00\\x00\\x00\\x00", part: 'data' },
];

export const LOG_AFTER_CUT: readonly LogPiece[] = [
  { text: "\\x00\\x00\\x00\\x00'", part: 'data' },
  { text: ', ' },
  { text: 'checksum=<function checksum at 0x7ff189bfd6c0>', part: 'checksum' },
  { text: ', ' },
  { text: "expected=b'7\\x19\\x00\\x00'", part: 'expected' },
  { text: ')' },
  { text: ' (mailbox:761)', part: 'source' },
];

export const logText = (pieces: readonly LogPiece[]) => pieces.map((p) => p.text).join('');

/** What each annotated piece really holds. */
export const LOG_NOTES: Readonly<Record<LogPart, string>> = {
  time: 'when the SPM’s mail monitor read the mailbox (the host’s clock, with its UTC offset)',
  level: 'logged as an error, although the host will simply send again: the mail is dropped for this read only',
  mailbox: 'the mailbox index, which is the host id: host 4 wrote it, at byte 4 × 4096 = 16384 of the inbox',
  words: '“not clearing mailbox”: the SPM leaves the host’s bytes alone; “clearing new mail”: it forgets what it read, as if the mailbox were empty, until the next read',
  data: 'bytes 0..4091 of the mailbox (the checksum bytes cut off), 4092 bytes printed as a Python bytes literal: here slot 0 holds a request for 128 MiB (…0080…), then zeros',
  checksum: 'not the stored checksum: vdsm passes its checksum function instead of the 4 bytes it compared (vdsm#205), so the stored value never reaches the log. Here it was 0: the sector holding it had not landed',
  expected: 'the checksum vdsm computed from `data`, packed as a little-endian 32-bit integer: 37 19 00 00 = 0x1937 = 6455. Not what was on storage',
  source: 'the line of vdsm’s mailbox.py that logged it',
};

/** Data bytes left out at the cut: 4092 − 68 shown before it − 4 after. */
export const LOG_CUT_BYTES = 4020;
