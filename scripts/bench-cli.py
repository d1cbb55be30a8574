#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Whole-process cost of assay-cli (issue 4), against a minimal program measured in the same run.

`assay-cli verify` and `assay-cli decode` on a typical HS256 token (jwt.io's) run alternately with assay-hmac-once,
a program that only links OpenSSL and computes one HMAC, and with assay-hmac-once-qt, the same program also loading
the libraries assay-cli loads (QtCore and its dependencies, libssl); medians of wall time and of CPU time (user +
system, from wait4), and their ratios against the first. Then `assay-cli keygen` for every key type, timed the same way.

Usage: scripts/bench-cli.py [--build build/bench] [-n 40]
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
TOKEN = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUs"
         "ImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30")
SECRET = "a-string-secret-at-least-256-bits-long"


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000.0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench-cli: {' '.join(argv)} exited with {code}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000.0


def measure(programs, n):
    for argv in programs.values():
        run_once(argv)  # warm the page cache
    samples = {name: [] for name in programs}
    for _ in range(n):
        for name, argv in programs.items():
            samples[name].append(run_once(argv))
    return {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for name, v in samples.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build" / "bench"))
    parser.add_argument("-n", type=int, default=40)
    args = parser.parse_args()
    build = Path(args.build)
    cli = build / "app" / "cli" / "assay-cli"
    floor = build / "bench" / "assay-hmac-once"
    floor_qt = build / "bench" / "assay-hmac-once-qt"
    for exe in (cli, floor, floor_qt):
        if not exe.exists():
            sys.exit(f"bench-cli: {exe} not found (build assay-cli, assay-hmac-once and assay-hmac-once-qt)")

    with tempfile.TemporaryDirectory() as tmp:
        secret = Path(tmp) / "secret.txt"
        secret.write_text(SECRET)
        signing_input = TOKEN.rsplit(".", 1)[0]
        results = measure({
            "one HMAC (OpenSSL, minimal)": [str(floor), signing_input, SECRET],
            "one HMAC, Qt and libssl loaded": [str(floor_qt), signing_input, SECRET],
            "assay-cli verify": [str(cli), "verify", TOKEN, "--secret-file", str(secret)],
            "assay-cli decode": [str(cli), "decode", TOKEN],
        }, args.n)
        base_wall, base_cpu = results["one HMAC (OpenSSL, minimal)"]
        print(f"{args.n} alternating runs each, medians; load average {os.getloadavg()[0]:.2f}")
        print(f"{'program':30} {'wall ms':>9} {'ratio':>7} {'cpu ms':>9} {'ratio':>7}")
        for name, (wall, cpu) in results.items():
            print(f"{name:30} {wall:9.2f} {wall / base_wall:6.2f}x {cpu:9.2f} {cpu / base_cpu:6.2f}x")
        print("target: verify and decode within 1.3x of the minimal program\n")

        kinds = {
            "oct 256": ["--type", "oct", "--bits", "256"],
            "RSA 2048": ["--type", "RSA", "--bits", "2048"],
            "RSA 3072": ["--type", "RSA", "--bits", "3072"],
            "RSA 4096": ["--type", "RSA", "--bits", "4096"],
            "EC P-256": ["--type", "EC", "--curve", "P-256"],
            "EC P-384": ["--type", "EC", "--curve", "P-384"],
            "EC P-521": ["--type", "EC", "--curve", "P-521"],
            "EC secp256k1": ["--type", "EC", "--curve", "secp256k1"],
            "OKP Ed25519": ["--type", "OKP", "--curve", "Ed25519"],
            "OKP Ed448": ["--type", "OKP", "--curve", "Ed448"],
            "OKP X25519": ["--type", "OKP", "--curve", "X25519"],
            "OKP X448": ["--type", "OKP", "--curve", "X448"],
        }
        out = str(Path(tmp) / "key.jwk")
        print(f"{'keygen (whole process)':30} {'median ms':>9} {'min ms':>9} {'max ms':>9}")
        for name, extra in kinds.items():
            runs = 7 if name.startswith("RSA") else 15
            walls = []
            for _ in range(runs):
                os.path.exists(out) and os.remove(out)
                walls.append(run_once([str(cli), "keygen", *extra, "--out", out])[0])
            print(f"{name:30} {statistics.median(walls):9.1f} {min(walls):9.1f} {max(walls):9.1f}")


if __name__ == "__main__":
    main()
