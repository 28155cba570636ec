import { sha256 } from '@noble/hashes/sha2.js';

/** Base64 of bytes, in Node (Buffer) and in the browser (btoa), for answers that carry raw mailboxes. */
const CHUNK_BYTES = 0x8000; // String.fromCharCode takes its arguments on the stack

export function base64(bytes: Uint8Array): string {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK_BYTES));
  return btoa(binary);
}

/**
 * Hex sha-256 of bytes: Web Crypto in Node 20 and in secure pages; a page
 * served over plain http from another host (HOST=0.0.0.0) has no
 * crypto.subtle, so /open's exports use @noble/hashes there.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes.slice()))
    : sha256(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
