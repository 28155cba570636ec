/** Sizes and offsets of the vdsm storage mailbox (see ../shared/FORMAT.md). */

export const SLOT_SIZE_BYTES = 64;
export const SLOTS_PER_MAILBOX = 64;
/** Slots 0..62 carry messages; slot 63 is metadata (only the checksum is used). */
export const MESSAGE_SLOTS_PER_MAILBOX = 63;
export const MAILBOX_SIZE_BYTES = SLOT_SIZE_BYTES * SLOTS_PER_MAILBOX; // 4096
export const SECTOR_SIZE_BYTES = 512;
export const SECTORS_PER_MAILBOX = MAILBOX_SIZE_BYTES / SECTOR_SIZE_BYTES; // 8

/** The checksum covers bytes 0..4091 and sits in the last 4 bytes, little-endian. */
export const CHECKSUM_OFFSET_BYTES = MAILBOX_SIZE_BYTES - 4; // 4092
export const CHECKSUM_SIZE_BYTES = 4;

/** Both volumes are 16 MiB; vdsm uses only the first maxHostId mailboxes. */
export const VOLUME_SIZE_BYTES = 16 * 1024 * 1024;
/** sanlock's MAX_HOST_ID, vdsm's default window: 250 × 4096 = 1,024,000 bytes. */
export const DEFAULT_MAX_HOST_ID = 250;

export const MIB_BYTES = 1024 * 1024;

/** First byte of a slot. */
export const EMPTY_BYTE = 0x00;
export const CLEAN_BYTE = 0x01;
export const VERSION_1_BYTE = 0x31; // ASCII '1'
export const EXTEND_OPCODE = 'xtnd';
export const PADDING_BYTE = 0x30; // ASCII '0'

/** Mailbox 0 of the inbox: `\0evt` followed by a big-endian UUID. */
export const EVENT_MAGIC = [0x00, 0x65, 0x76, 0x74] as const;

/**
 * The read window in the one wording the inspector uses everywhere (screen,
 * findings, README, format doc): what the SPM reads with maxHostId = `maxHostId`.
 */
export function readWindowText(maxHostId: number): string {
  return `the SPM reads mailboxes 0..${maxHostId - 1} (mailbox 0 is the event block, so hosts 1..${maxHostId - 1})`;
}
