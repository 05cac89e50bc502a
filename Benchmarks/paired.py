#!/usr/bin/env python3
"""Compares two builds of steer on this machine, whose speed drifts from minute to minute: the
two run alternately (which goes first alternates too), each in its own copy of the ledger (so
that neither reads the other's document cache), and the figure is the median of the ratios
taken pair by pair, for wall time and for CPU time (user + system, children included).

    Benchmarks/paired.py N DIR_A DIR_B STEER_A STEER_B ARGS...

for example, after `cp -r` of a generated ledger's repository into /tmp/a and /tmp/b:

    Benchmarks/paired.py 15 /tmp/a /tmp/b ./steer-old ./steer-new check --since HEAD

Each build runs once first, unmeasured, to warm its own cache and the page cache.
"""

import os
import statistics
import subprocess
import sys
import time


def run(steer, directory, arguments):
    """Wall and CPU seconds of one run, its output discarded."""
    start = time.monotonic()
    process = subprocess.Popen(
        [steer, *arguments], cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    pairs = int(sys.argv[1])
    directory_a, directory_b, steer_a, steer_b = sys.argv[2:6]
    arguments = sys.argv[6:]
    # Absolute paths: each build runs in its own directory. Samples are kept by position, not by
    # path, so that two builds given under the same name are still told apart.
    builds = [(os.path.abspath(steer_a), directory_a), (os.path.abspath(steer_b), directory_b)]
    for steer, directory in builds:
        run(steer, directory, arguments)
    times = [[], []]
    for pair in range(pairs):
        for side in (0, 1) if pair % 2 == 0 else (1, 0):
            steer, directory = builds[side]
            times[side].append(run(steer, directory, arguments))
    for index, kind in enumerate(("wall", "cpu")):
        a = [sample[index] for sample in times[0]]
        b = [sample[index] for sample in times[1]]
        ratio = statistics.median(y / x for x, y in zip(a, b))
        print(
            f"{kind}: A {statistics.median(a) * 1000:.0f} ms, B {statistics.median(b) * 1000:.0f} ms, "
            f"B/A {ratio:.3f} (median of {pairs} pairs)"
        )


if __name__ == "__main__":
    main()
