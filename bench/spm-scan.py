"""Baseline for `npm run bench`: one SPM-style poll of an inbox, in Python.

Reads the window with a `dd iflag=direct,fullblock` subprocess and scans it
the way vdsm's SPM mail monitor behaves (per host: skip slots whose first byte
is 0, validate the mailbox checksum once a slot is in use, compare each slot
with the previous read). Written for this benchmark from FORMAT.md, not
copied from vdsm. Prints the median poll time in ms over RUNS polls.
"""
import statistics
import struct
import subprocess
import sys
import time

MAILBOX = 4096
SLOT = 64
MESSAGES = 63


def poll(path, window, previous):
    data = subprocess.run(
        ["dd", f"if={path}", "iflag=direct,fullblock", f"bs={window}", "count=1"],
        check=True, capture_output=True).stdout
    changed = 0
    for host in range(len(data) // MAILBOX):
        start = host * MAILBOX
        checked = False
        for i in range(MESSAGES):
            at = start + i * SLOT
            if data[at:at + 1] == b"\0":
                continue
            if not checked:
                stored = data[start + MAILBOX - 4:start + MAILBOX]
                if stored != struct.pack("<l", sum(bytearray(data[start:start + MAILBOX - 4]))):
                    break
                checked = True
            for j in range(at, at + SLOT):
                if data[j] != previous[j]:
                    changed += 1
                    break
    return data, changed


def main():
    path, window, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    previous = bytes(window)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        previous, _ = poll(path, window, previous)
        times.append((time.perf_counter() - started) * 1000)
    print(f"{statistics.median(times):.3f}")


main()
