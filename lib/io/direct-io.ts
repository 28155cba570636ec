import 'server-only';
import { createRequire } from 'node:module';

type DirectIo = typeof import('@ronomon/direct-io');

// A plain import of the native addon fails under vitest's module runner; require loads the .node file as is.
const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as DirectIo;

export const O_DIRECT: number = directIo.O_DIRECT;

// JavaScript cannot see a buffer's address, so remember the alignment of the buffers made here.
const alignmentOf = new WeakMap<Buffer, number>();

/** Memory starting at a multiple of `alignment`, as O_DIRECT requires of the buffer address. */
export function alignedBuffer(sizeBytes: number, alignment: number): Buffer {
  const buffer = directIo.getAlignedBuffer(sizeBytes, alignment);
  alignmentOf.set(buffer, alignment);
  return buffer;
}

/** Whether `buffer` was made by alignedBuffer with at least this alignment and size. */
export function fitsAlignedRead(buffer: Buffer, sizeBytes: number, alignment: number): boolean {
  const made = alignmentOf.get(buffer);
  return made !== undefined && made % alignment === 0 && buffer.length >= sizeBytes;
}
