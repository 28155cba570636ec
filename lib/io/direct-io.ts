import 'server-only';
import { createRequire } from 'node:module';

type DirectIo = typeof import('@ronomon/direct-io');

// A plain import of the native addon fails under vitest's module runner; require loads the .node file as is.
const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as DirectIo;

export const O_DIRECT: number = directIo.O_DIRECT;

/** Memory starting at a multiple of `alignment`, as O_DIRECT requires of the buffer address. */
export function alignedBuffer(sizeBytes: number, alignment: number): Buffer {
  return directIo.getAlignedBuffer(sizeBytes, alignment);
}
