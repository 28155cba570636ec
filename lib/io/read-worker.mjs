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
import { changedMailboxes, patchOf } from './window-patch.mjs';

const directIo = createRequire(import.meta.url)('@ronomon/direct-io');

// Two aligned buffers, used in turn: a read goes into the one that does not
// hold the window last handed to the main thread, so that window stays here
// to compare with, without a copy. Reused: fresh memory costs page faults on
// every read.
let buffers = null;
let buffersAlignment = 0;
/** index in `buffers` of the window last handed out; -1 when there is none to compare with */
let lastIndex = -1;
let lastBytes = 0;
/** generation of the window last handed out: the main thread names the one it holds */
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
function readInto(path, buffer, readBytes) {
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

function read({ path, readBytes, windowBytes, alignment, identity, known }) {
  if (!buffers || buffers[0].length < readBytes || buffersAlignment % alignment !== 0) {
    try {
      buffers = [directIo.getAlignedBuffer(readBytes, alignment), directIo.getAlignedBuffer(readBytes, alignment)];
      buffersAlignment = alignment;
      lastIndex = -1;
    } catch (err) {
      buffers = null;
      lastIndex = -1;
      return failure('allocate', err);
    }
  }
  const into = lastIndex === 0 ? 1 : 0; // never the buffer holding the last window
  const done = readInto(path, buffers[into], readBytes);
  if (done.failed) return done.failed;
  const { bytesRead, readMs, direct, refusedOn } = done;
  const answer = { ok: true, bytesRead, readMs, direct, refusedOn, identity: done.identity, size: done.size };
  if (identity !== null && done.identity !== identity) return { ...answer, identityChanged: true };
  if (bytesRead < windowBytes) return answer;

  const window = buffers[into].subarray(0, windowBytes);
  const last = lastIndex >= 0 && known === lastGeneration && lastBytes === windowBytes ? buffers[lastIndex].subarray(0, windowBytes) : null;
  if (last !== null && window.equals(last)) return { ...answer, unchanged: true };
  lastIndex = into;
  lastBytes = windowBytes;
  lastGeneration++;
  if (last !== null) {
    // The caller holds the previous window: only what changed crosses over, not a fresh copy of the whole (8 MiB at 2000 hosts).
    const { flags, count } = changedMailboxes(window, last);
    const patch = patchOf(window, flags, count);
    return { ...answer, patch, changed: flags, generation: lastGeneration, transfer: [patch] };
  }
  const copy = new ArrayBuffer(windowBytes);
  new Uint8Array(copy).set(window);
  return { ...answer, bytes: copy, changed: null, generation: lastGeneration, transfer: [copy] };
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
