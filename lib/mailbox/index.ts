/** The vdsm storage mailbox format. Pure: runs on the server and in the browser. */
export * from './constants';
export * from './types';
export * from './fields';
export * from './findings';
export * from './uuid';
export { checksum, storedChecksum } from './checksum';
export { decodeSlot, quoteBytes, samePrefix } from './slot';
export { assertNever, CARRIES_TARGET, targetOf, type SlotTarget } from './slot-kind';
export { decodeMailbox, inboxState } from './mailbox';
export { decodeEvent } from './event';
export { decodeVolume, type DecodeOptions, type DecodeReuse } from './volume';
export { mailboxAt, mailboxCount, mailboxesOf, MailboxWindow, type Mailboxes } from './window';
export { lifecycleStep, pairMailboxes } from './lifecycle';
export * from './encode';
export { mailboxLayout, type FieldRange } from './layout';
export { hexdumpC } from './hexdump';
