// One volume's blocking system calls, on a thread of their own.
//
// Node runs fs calls on libuv's four threadpool threads, shared by the whole
// process (workers included): four reads stuck on storage that stopped
// answering would stop every other file access, static files included. Here
// each call is synchronous, so a hung read holds this thread only. Plain
// JavaScript on purpose: it runs as is under the test runner and is bundled
// by Next's Turbopack as a worker entry. lib/io/volume-reader.ts drives it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const directIo = createRequire(import.meta.url)('@ronomon/direct-io');
const MAILBOX_SIZE_BYTES = 4096;

let buffer = null;
let bufferAlignment = 0;
/** the window last handed to the main thread, to answer "unchanged" without copying */
let last = null;
let lastGeneration = 0;

function kindOf(stats) {
  if (stats.isFile()) return 'file';
  if (stats.isBlockDevice()) return 'block';
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** What makes a volume the same volume: its block device number, or the file's device and inode. */
function identityOf(stats) {
  return stats.isBlockDevice() ? `block ${stats.rdev}` : `file ${stats.dev}:${stats.ino}`;
}

function failure(during, err) {
  return { ok: false, during, errno: typeof err?.code === 'string' ? err.code : undefined, message: err?.message ?? String(err) };
}

function stat({ path }) {
  let stats;
  try {
    stats = fs.statSync(path, { bigint: true }); // follows links: /dev/<vg>/inbox → /dev/dm-N
  } catch (err) {
    return failure('stat', err);
  }
  return { ok: true, kind: kindOf(stats), size: Number(stats.size), rdev: String(stats.rdev), identity: identityOf(stats) };
}

function openVolume(path, direct) {
  // Never for writing. O_NONBLOCK: should the path have become a FIFO, open returns (and fstat tells) instead of waiting.
  return fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (direct ? directIo.O_DIRECT : 0));
}

/** Reads readBytes from offset 0 with O_DIRECT, or buffered once when the file system refuses it (EINVAL). */
function readInto(path, readBytes) {
  let direct = true;
  let refusedOn = null;
  for (;;) {
    let fd;
    try {
      fd = openVolume(path, direct);
    } catch (err) {
      if (direct && err?.code === 'EINVAL') { direct = false; refusedOn = 'open'; continue; }
      return { failed: failure('open', err) };
    }
    try {
      const stats = fs.fstatSync(fd, { bigint: true });
      const identity = identityOf(stats);
      if (!stats.isFile() && !stats.isBlockDevice()) return { bytesRead: 0, readMs: 0, direct, refusedOn, identity, size: Number(stats.size) };
      const started = performance.now();
      const bytesRead = fs.readSync(fd, buffer, 0, readBytes, 0); // one read of the whole window, as the SPM does
      return { bytesRead, readMs: performance.now() - started, direct, refusedOn, identity, size: Number(stats.size) };
    } catch (err) {
      if (direct && err?.code === 'EINVAL') { direct = false; refusedOn = 'read'; continue; }
      return { failed: failure('read', err) };
    } finally {
      try { fs.closeSync(fd); } catch { /* read-only: nothing to flush */ }
    }
  }
}

/** Per mailbox, 1 when its bytes differ from the last window handed out. */
function changedMailboxes(window) {
  const flags = new Uint8Array(window.length / MAILBOX_SIZE_BYTES);
  for (let i = 0; i < flags.length; i++) {
    const start = i * MAILBOX_SIZE_BYTES;
    flags[i] = window.compare(last, start, start + MAILBOX_SIZE_BYTES, start, start + MAILBOX_SIZE_BYTES) === 0 ? 0 : 1;
  }
  return flags;
}

function read({ path, readBytes, windowBytes, alignment, identity, known }) {
  if (!buffer || buffer.length < readBytes || bufferAlignment % alignment !== 0) {
    try {
      buffer = directIo.getAlignedBuffer(readBytes, alignment); // reused: fresh memory costs page faults on every read
      bufferAlignment = alignment;
    } catch (err) {
      return failure('allocate', err);
    }
  }
  const done = readInto(path, readBytes);
  if (done.failed) return done.failed;
  const { bytesRead, readMs, direct, refusedOn } = done;
  const answer = { ok: true, bytesRead, readMs, direct, refusedOn, identity: done.identity, size: done.size };
  if (identity !== null && done.identity !== identity) return { ...answer, identityChanged: true };
  if (bytesRead < windowBytes) return answer;

  const window = buffer.subarray(0, windowBytes);
  const comparable = last !== null && known === lastGeneration && last.length === windowBytes;
  if (comparable && window.equals(last)) return { ...answer, unchanged: true };
  const changed = comparable ? changedMailboxes(window) : null;
  const copy = new ArrayBuffer(windowBytes);
  new Uint8Array(copy).set(window);
  if (!last || last.length !== windowBytes) last = Buffer.alloc(windowBytes);
  window.copy(last);
  lastGeneration++;
  return { ...answer, bytes: copy, changed, generation: lastGeneration, transfer: [copy] };
}

const ops = { stat, read };

parentPort.on('message', ({ id, op, args }) => {
  let answer;
  try {
    answer = ops[op](args);
  } catch (err) {
    answer = failure(op, err);
  }
  const { transfer, ...rest } = answer;
  parentPort.postMessage({ id, answer: rest }, transfer ?? []);
});
parentPort.postMessage({ ready: true });
