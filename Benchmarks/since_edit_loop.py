#!/usr/bin/env python3
"""Compares two builds' `check --since HEAD` when a use case is edited before each run, as in
an editing session: the last check's state (`.git/steer/check-*`) then has one file to catch up.

    Benchmarks/since_edit_loop.py STEER_A STEER_B DIR_A DIR_B [N]

DIR_A and DIR_B are copies of a generated ledger's repository (docs/performance.md). Before
pair i, the title of vision/usecases/u<100+i>.md is changed in both copies; the builds then run
alternately (which goes first alternates too), after one unmeasured run each, and the figures
are the medians of the pairs' ratios, for wall time and CPU time (user + system).
Prints figures; asserts nothing.
"""

import os
import statistics
import subprocess
import sys
import time

ARGUMENTS = ["check", "--lang", "en", "--since", "HEAD"]


def run(steer, directory):
    """Wall and CPU seconds of one run, its output discarded."""
    start = time.monotonic()
    process = subprocess.Popen(
        [steer, *ARGUMENTS], cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime


def edit(directory, step):
    path = os.path.join(directory, "vision/usecases/u%05d.md" % (100 + step))
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("title: ", "title: Edited ", 1))


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    steer_a, steer_b = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    directory_a, directory_b = sys.argv[3], sys.argv[4]
    pairs = int(sys.argv[5]) if len(sys.argv) > 5 else 11
    run(steer_a, directory_a)
    run(steer_b, directory_b)
    samples = []
    for step in range(pairs):
        edit(directory_a, step)
        edit(directory_b, step)
        if step % 2 == 0:
            a, b = run(steer_a, directory_a), run(steer_b, directory_b)
        else:
            b, a = run(steer_b, directory_b), run(steer_a, directory_a)
        samples.append((a, b))
    wall = statistics.median(b[0] / a[0] for a, b in samples)
    cpu = statistics.median(b[1] / a[1] for a, b in samples)
    print(f"CPU: A {statistics.median(a[1] for a, _ in samples) * 1000:.0f} ms, "
          f"B {statistics.median(b[1] for _, b in samples) * 1000:.0f} ms")
    print(f"B/A over {pairs} pairs, one use case edited before each: wall {wall:.3f}, CPU {cpu:.3f}")


if __name__ == "__main__":
    main()
