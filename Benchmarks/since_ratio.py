#!/usr/bin/env python3
"""Compares `check --since HEAD` with a full `check` of the same build, on the same ledger.

    Benchmarks/since_ratio.py STEER REPOSITORY [N]

The two commands run alternately N times (11 unless given; which goes first alternates too),
after one unmeasured run of each (which fills the page cache and the document cache), and the
figures are the medians of each command's times and of the pairs' ratios, for wall time and for
CPU time (user + system). Edit a few files of the repository first (docs/performance.md).
Prints figures; asserts nothing.
"""

import os
import statistics
import subprocess
import sys
import time

SINCE = ["check", "--lang", "en", "--since", "HEAD"]
FULL = ["check", "--lang", "en"]


def run(steer, directory, arguments):
    """Wall and CPU seconds of one run, its output discarded."""
    start = time.monotonic()
    process = subprocess.Popen(
        [steer, *arguments], cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    steer, directory = os.path.abspath(sys.argv[1]), sys.argv[2]
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
    run(steer, directory, SINCE)
    run(steer, directory, FULL)
    samples = []
    for pair in range(pairs):
        order = [SINCE, FULL] if pair % 2 == 0 else [FULL, SINCE]
        times = {tuple(arguments): run(steer, directory, arguments) for arguments in order}
        samples.append((times[tuple(SINCE)], times[tuple(FULL)]))
    since = statistics.median(s[0] for s, _ in samples)
    full = statistics.median(f[0] for _, f in samples)
    wall = statistics.median(s[0] / f[0] for s, f in samples)
    cpu = statistics.median(s[1] / f[1] for s, f in samples)
    print(f"check --since HEAD: median {since:.3f} s; check: median {full:.3f} s")
    print(f"since / full over {pairs} pairs: wall {wall:.3f}, CPU {cpu:.3f} (target <= 0.5)")


if __name__ == "__main__":
    main()
