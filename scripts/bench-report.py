#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs assay-bench and prints, per operation and algorithm, Assay's time beside the OpenSSL floor and the ratio
(from the paired benchmarks, which alternate both sides in one loop so machine load cannot favour either).

Targets (checked and marked): verify and sign within 1.15x of the raw OpenSSL floor for RSA, ECDSA and EdDSA;
HS256 decode+verify within 1.5x of a one-shot HMAC over the same input. Exit status 0 when every target is met,
1 otherwise, 2 when the benchmark could not run.

  scripts/bench-report.py [--bench PATH/assay-bench] [--repetitions N] [--min-time S] [--json-out FILE]

Without --bench it looks in build/bench and build/infra (the `bench` preset builds build/bench/bench/assay-bench).
"""

import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CANDIDATES = ["build/bench/bench/assay-bench", "build/infra/bench/assay-bench", "build/release/bench/assay-bench"]
ASYMMETRIC_LIMIT = 1.15
HMAC_LIMIT = 1.5


def target_for(operation, alg):
    """The ratio limit that applies to this row, or None when the row is informational."""
    if operation in ("verify", "sign") and not alg.startswith("HS"):
        return ASYMMETRIC_LIMIT
    if operation == "decode+verify" and alg == "HS256":
        return HMAC_LIMIT
    return None


def find_bench(explicit):
    if explicit:
        return explicit
    for candidate in CANDIDATES:
        path = os.path.join(ROOT, candidate)
        if os.access(path, os.X_OK):
            return path
    sys.exit("assay-bench not found; build it with "
             "`cmake --preset bench && cmake --build build/bench --target assay-bench` or pass --bench PATH")


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:8.3f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:8.2f} us"
    return f"{ns:8.0f} ns"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", help="path to assay-bench")
    parser.add_argument("--repetitions", type=int, default=5, help="runs per benchmark; the median is used")
    parser.add_argument("--min-time", default="0.2", help="seconds per repetition (--benchmark_min_time)")
    parser.add_argument("--filter", default="", help="--benchmark_filter regex")
    parser.add_argument("--json-out", help="also write the raw Google Benchmark JSON here")
    args = parser.parse_args()

    bench = find_bench(args.bench)
    command = [bench, "--benchmark_format=json", f"--benchmark_repetitions={args.repetitions}",
               "--benchmark_report_aggregates_only=true", f"--benchmark_min_time={args.min_time}",
               # Repetitions of all benchmarks are shuffled together, so a burst of load from elsewhere on the machine
               # hits Assay and the floor alike instead of skewing one side of a ratio.
               "--benchmark_enable_random_interleaving=true"]
    if args.filter:
        command.append(f"--benchmark_filter={args.filter}")
    print("running: " + " ".join(command), flush=True)
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        print(f"assay-bench failed with exit status {completed.returncode}", file=sys.stderr)
        return 2
    data = json.loads(completed.stdout)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)

    # Medians per benchmark name: real time, and the counters of the paired benchmarks.
    times = {}
    paired = {}
    for row in data["benchmarks"]:
        if row.get("error_occurred"):
            print(f"error in {row['name']}: {row.get('error_message')}", file=sys.stderr)
            return 2
        if args.repetitions > 1 and row.get("aggregate_name") != "median":
            continue
        name = row.get("run_name", row["name"])
        if name.startswith("paired/"):
            _, operation, alg = name.split("/")
            paired[(operation, alg)] = (row["assay_ns"], row["openssl_ns"], row["ratio"])
            continue
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[row.get("time_unit", "ns")]
        times[name] = row["real_time"] * scale

    context = data.get("context", {})
    print(f"host: {context.get('num_cpus')} CPUs @ {context.get('mhz_per_cpu')} MHz, "
          f"load avg {context.get('load_avg')}; median of {args.repetitions} repetitions")
    print("Ratios come from the paired benchmarks (Assay and OpenSSL alternating in one loop); the separate")
    print("benchmarks' times are in the raw JSON (--json-out).")
    print(f"{'operation':<14} {'alg':<14} {'assay':>11} {'openssl':>11} {'ratio':>7}  target")
    order = ["decode", "verify", "decode+verify", "sign"]

    def sort_key(key):
        return (order.index(key[0]) if key[0] in order else 99, key[1])

    for name in sorted(times):
        operation, alg, side = name.split("/")
        if operation == "decode" and side == "assay":
            print(f"{operation:<14} {alg:<14} {fmt_time(times[name]):>11} {'-':>11} {'-':>7}")
    failures = checked = 0
    for operation, alg in sorted(paired, key=sort_key):
        ours, floor, ratio = paired[(operation, alg)]
        limit = target_for(operation, alg)
        verdict = ""
        if limit is not None:
            checked += 1
            ok = ratio <= limit
            failures += 0 if ok else 1
            verdict = f"<= {limit:.2f}x {'met' if ok else 'MISSED'}"
        print(f"{operation:<14} {alg:<14} {fmt_time(ours):>11} {fmt_time(floor):>11} {ratio:6.2f}x  {verdict}")
    print(f"{checked - failures} of {checked} targets met")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
