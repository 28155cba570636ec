/** @ronomon/direct-io ships a native addon and no types; only what this app may touch is declared. */
declare module '@ronomon/direct-io' {
  /** The platform's O_DIRECT open flag (0x4000 on x86-64 Linux), for fs.open. */
  export const O_DIRECT: number;
  export const O_DSYNC: number;
  export const O_EXCL: number;
  export const O_EXLOCK: number;
  export const O_SYNC: number;

  /**
   * A zero-filled Buffer whose memory starts at a multiple of `alignment`
   * (a power of two, 8 ..= 4 MiB). Throws on bad arguments or out of memory.
   */
  export function getAlignedBuffer(size: number, alignment: number): Buffer;

  export interface BlockDevice {
    logicalSectorSize: number;
    physicalSectorSize: number;
    size: number;
    serialNumber?: string;
  }

  /** Fails on Linux loop devices (it asks the SCSI generic driver); lib/io reads sysfs instead. */
  export function getBlockDevice(fd: number, callback: (error: Error | undefined, device: BlockDevice) => void): void;
  export function setF_NOCACHE(fd: number, value: 0 | 1, callback: (error: Error | undefined) => void): void;
  export function setFlock(fd: number, value: 0 | 1, callback: (error: Error | undefined) => void): void;
  export function setFSCTL_LOCK_VOLUME(fd: number, value: 0 | 1, callback: (error: Error | undefined) => void): void;
}
