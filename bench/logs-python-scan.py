"""Baseline for `npm run bench:logs`: how people read vdsm logs today, in Python.

Like vdsm's contrib/extend-stats: every line of the file goes through one
regular expression (here: the extend completion timers, or a checksum
failure), matches are collected. Written for this benchmark, not copied.
Prints: seconds, lines, matches.
"""
import re
import sys
import time

PATTERN = re.compile(
    r"completed <Clock\(total=([^,]+), wait=([^,]+), extend-volume=([^,]+), refresh-volume=([^)]+)\)"
    r"|mailbox (\d+) checksum failed"
)


def main(path):
    started = time.monotonic()
    lines = 0
    matches = 0
    with open(path, encoding="latin-1") as log:
        for line in log:
            lines += 1
            if PATTERN.search(line):
                matches += 1
    print(f"{time.monotonic() - started:.3f} {lines} {matches}")


if __name__ == "__main__":
    main(sys.argv[1])
