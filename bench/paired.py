#!/usr/bin/env python3
"""Paired, interleaved timing of whole commands: A B C A B C ... so that a machine that drifts
(a shared VM, a helper's build) moves every command alike. Prints, per command, the median wall
time and the median CPU (user+sys) over RUNS rounds after two warm-up rounds.

    RUNS=20 bench/paired.py "/tmp/before/mgmt get projects" "./mgmt get projects"

Each command runs through /bin/sh with stdout and stderr discarded. hyperfine (bench/startup.sh)
runs each command's runs back to back instead; use this for before/after comparisons.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

runs = int(os.environ.get("RUNS", "20"))
commands = sys.argv[1:]
if not commands:
    sys.exit(__doc__)
wall = {c: [] for c in commands}
cpu = {c: [] for c in commands}
for round_ in range(runs + 2):
    for c in commands:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round_ >= 2:
            wall[c].append(elapsed * 1000)
            cpu[c].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
for c in commands:
    print(f"{statistics.median(wall[c]):7.1f} ms  cpu {statistics.median(cpu[c]):7.1f} ms  {c}")
