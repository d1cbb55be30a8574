#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Whole-process startup of `assay` against a bare Qt Widgets window, measured in the same run (issue 3).

Each program is started, shows its window, and quits right after the first paint (assay with
ASSAY_QUIT_AFTER_FIRST_PAINT=1, bench/BareWindow.cpp by design). The two alternate, so that machine load hits both
alike; the report gives medians of wall time and of CPU time (user + system, from wait4) and their ratios.

Usage: scripts/bench-startup.py [--build build/bench] [-n 30] [--platform offscreen|xcb]
Needs the `assay` and `assay-bare-window` targets (the `bench` preset builds both).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(argv, env):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench-startup: {argv[0]} exited with {proc.returncode}")
    return wall * 1000.0, (usage.ru_utime + usage.ru_stime) * 1000.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build" / "bench"))
    parser.add_argument("-n", type=int, default=30)
    parser.add_argument("--platform", default=None, help="QT_QPA_PLATFORM (default: xcb with DISPLAY, else offscreen)")
    args = parser.parse_args()

    build = Path(args.build)
    assay = build / "app" / "assay" / "assay"
    bare = build / "bench" / "assay-bare-window"
    for exe in (assay, bare):
        if not exe.exists():
            sys.exit(f"bench-startup: {exe} not found (build the assay and assay-bare-window targets)")

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = args.platform or ("xcb" if env.get("DISPLAY") else "offscreen")
        env["XDG_CONFIG_HOME"] = home  # no remembered geometry or recent files from the user's own settings
        env["ASSAY_QUIT_AFTER_FIRST_PAINT"] = "1"
        sample = ROOT / "resources" / "samples" / "sample-hs256.jwt"
        secret = Path(home) / "secret.txt"
        secret.write_text("assay-sample-secret-do-not-use-in-production")
        programs = {
            "bare Qt Widgets window": [str(bare)],
            "assay (empty)": [str(assay)],
            "assay (sample token + secret)": [str(assay), "--secret-file", str(secret), str(sample)],
        }
        for argv in programs.values():  # warm the page cache and the font cache
            run_once(argv, env)
        samples = {name: [] for name in programs}
        for _ in range(args.n):
            for name, argv in programs.items():
                samples[name].append(run_once(argv, env))

    base_wall = statistics.median(w for w, _ in samples["bare Qt Widgets window"])
    base_cpu = statistics.median(c for _, c in samples["bare Qt Widgets window"])
    print(f"platform {env['QT_QPA_PLATFORM']}, {args.n} alternating runs each, medians; load average "
          f"{os.getloadavg()[0]:.2f}")
    print(f"{'program':32} {'wall ms':>9} {'ratio':>7} {'cpu ms':>9} {'ratio':>7}")
    for name, values in samples.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(f"{name:32} {wall:9.1f} {wall / base_wall:6.2f}x {cpu:9.1f} {cpu / base_cpu:6.2f}x")
    print("target: assay within 1.5x of the bare window")


if __name__ == "__main__":
    main()
