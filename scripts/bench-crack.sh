#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Benchmarks the weak-secret checker (issue 5):
#   1. assay-bench-crack: candidates per second on 1 thread (CPU time: the per-core rate) and on 2 threads (wall time:
#      the aggregate), each as a ratio to the floor (9 SHA256_Transform calls, the compression work of one HS256 guess
#      over a 312-byte signing input) and beside the usual HMAC implementations, all in the same run.
#   2. hashcat -m 16500 on the CPU (OpenCL through PoCL) against `assay-cli crack --mask` on the same token and mask,
#      both exhausting the mask, and the ratio of their speeds.
#
#   scripts/bench-crack.sh [BUILD_DIR]          (default: build/bench, as the `bench` preset builds it)
#   MASK='?l?l?l?l?l' THREADS=2 scripts/bench-crack.sh ...
#
# Installs hashcat and pocl-opencl-icd with apt when they are missing (only here: they are not build or CI
# dependencies). The first hashcat run compiles its OpenCL kernel, which takes minutes on a CPU; its speed figure
# excludes that.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench}
mask=${MASK:-?l?l?l?l?l}
threads=${THREADS:-$(nproc)}
bench=$build/bench/assay-bench-crack
cli=$build/app/cli/assay-cli
for tool in "$bench" "$cli"; do
    if [[ ! -x $tool ]]; then
        echo "missing $tool: configure with -DASSAY_BUILD_BENCH=ON and build assay-bench-crack and assay-cli" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Other work on the machine lowers the wall-clock (aggregate) figures; the per-core figures use CPU time.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) hardware threads"
echo "== assay-bench-crack (Google Benchmark; candidates per second) =="
# Repetitions in random interleaving, best of each: load from other processes comes and goes, and interleaving gives
# every implementation the same chances of a quiet moment.
"$bench" --benchmark_out="$work/bench.json" --benchmark_out_format=json --benchmark_min_time=0.5 \
    --benchmark_repetitions="${REPETITIONS:-5}" --benchmark_enable_random_interleaving=true \
    --benchmark_format=console >&2
python3 - "$work/bench.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
rows = {}
for b in data["benchmarks"]:
    if b.get("run_type") == "aggregate":
        continue
    name = b["name"]
    rate = b.get("items_per_second", 0.0)
    if name.startswith("assay/cracker/"):
        kind = name.split("/")[2]          # cpu or wall
        threads = int(name.split("/")[3].split(":")[0])
        base = "assay/cracker"
    else:
        base = name.split("/threads:")[0].split("/real_time")[0]
        threads = int(name.split("threads:")[1].split("/")[0]) if "threads:" in name else 1
        kind = "wall" if "real_time" in name else "cpu"
    rows[(base, threads, kind)] = max(rate, rows.get((base, threads, kind), 0.0))

floor1 = rows.get(("floor/9-transforms", 1, "cpu"))
floor2 = rows.get(("floor/9-transforms", 2, "wall"))
order = ["floor/9-transforms", "assay/tester", "assay/cracker", "baseline/lowlevel-hmac", "baseline/evp-mac",
         "baseline/hmac-oneshot"]
print(f"{'implementation':26} {'1 thread (per core)':>22} {'x floor':>8}   {'2 threads (aggregate)':>22} {'x floor':>8} {'scaling':>8}")
for base in order:
    one = rows.get((base, 1, "cpu"))
    two = rows.get((base, 2, "wall"))
    def fmt(v):
        return f"{v / 1e6:10.3f} M/s" if v else "         n/a"
    r1 = f"{one / floor1:8.3f}" if one and floor1 else "     n/a"
    r2 = f"{two / floor2:8.3f}" if two and floor2 else "     n/a"
    scale = f"{two / one:8.2f}" if one and two else "     n/a"
    print(f"{base:26} {fmt(one):>22} {r1}   {fmt(two):>22} {r2} {scale}")
cracker2 = rows.get(("assay/cracker", 2, "cpu"))
if cracker2 and floor1:
    print(f"assay/cracker on 2 threads, per core (process CPU time): {cracker2 / 1e6:.3f} M/s = {cracker2 / floor1:.3f} x floor")
print("best of the repetitions; per core = candidates per CPU-second of one thread; aggregate = candidates per")
print("wall-clock second of 2 threads;")
print("scaling = aggregate / per core (2.0 is linear on 2 cores; less when other load shares the cores).")
PY

echo
echo "== hashcat -m 16500 vs assay-cli crack, mask $mask, same token =="
if ! command -v hashcat >/dev/null || ! dpkg -s pocl-opencl-icd >/dev/null 2>&1; then
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y hashcat pocl-opencl-icd
fi

# An HS256 token over a 312-byte signing input, signed with a secret outside the mask: both tools try every candidate.
python3 - "$work/token.txt" <<'PY'
import base64, hashlib, hmac, sys
def b64(x):
    return base64.urlsafe_b64encode(x).rstrip(b"=")
header = b64(b'{"alg":"HS256","typ":"JWT"}')
filler = ""
while True:
    payload = b64(('{"sub":"1234567890","name":"John Doe","iat":1516239022,"scope":"read write","x":"' + filler + '"}').encode())
    signing_input = header + b"." + payload
    if len(signing_input) >= 312:
        break
    filler += "a"
assert len(signing_input) == 312, len(signing_input)
mac = hmac.new(b"Z-not-in-the-mask", signing_input, hashlib.sha256).digest()
open(sys.argv[1], "wb").write(signing_input + b"." + b64(mac) + b"\n")
PY

# assay-cli runs before and after hashcat, and the mean of the two is compared, so a change of load during the
# comparison affects both sides alike.
run_assay() {
    "$cli" crack "@$work/token.txt" --mask "$mask" --threads "$threads" --json >"$work/assay.json" 2>/dev/null ||
        [[ $? -eq 1 ]]
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["outcome"]=="not found"; print(d["candidatesPerSecond"])' \
        "$work/assay.json"
}
assay_before=$(run_assay)
assay_tested=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tested"])' "$work/assay.json")

# -D 1: CPU devices; the self-test is skipped (mode 16500 has none); no potfile, so a previous run cannot shortcut it.
hashcat -m 16500 -a 3 -D 1 -w 3 --self-test-disable --potfile-disable \
    "$work/token.txt" "$mask" >"$work/hashcat.out" 2>&1 || true
hashcat_status=$(grep -E '^Status\.' "$work/hashcat.out" | tail -1 || true)
hashcat_rate=$(python3 - "$work/hashcat.out" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
speeds = re.findall(r"^Speed\.#(\*|\d+)\.*:\s*([\d.]+)\s*([kMGT]?)H/s", text, re.M)
if not speeds:
    print(0)
    sys.exit()
total = [s for s in speeds if s[0] == "*"]
chosen = total[-1:] if total else speeds[-1:]
scale = {"": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
print(sum(float(v) * scale[u] for _, v, u in chosen))
PY
)
device=$(grep -m1 -E 'Device #1:' "$work/hashcat.out" | sed 's/^\* *//' || true)
assay_after=$(run_assay)
assay_rate=$(python3 -c 'import sys; print((float(sys.argv[1]) + float(sys.argv[2])) / 2)' "$assay_before" "$assay_after")

printf 'assay-cli crack: %12.0f candidates/s (%s candidates, %s threads; %.0f before hashcat, %.0f after)\n' \
    "$assay_rate" "$assay_tested" "$threads" "$assay_before" "$assay_after"
if [[ $hashcat_rate == 0 ]]; then
    echo "hashcat: no speed reported; its output:"
    tail -30 "$work/hashcat.out"
    exit 1
fi
printf 'hashcat -m 16500: %11.0f candidates/s (%s; %s)\n' "$hashcat_rate" "${hashcat_status#Status*: }" "${device:-CPU}"
python3 -c 'import sys; a,h=float(sys.argv[1]),float(sys.argv[2]); print(f"ratio assay / hashcat: {a/h:.2f}")' \
    "$assay_rate" "$hashcat_rate"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
