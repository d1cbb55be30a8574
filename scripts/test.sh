#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# README command 2: installs whatever is missing, builds everything (release preset: core, CLI, GUI, tests) and
# runs the whole test suite through CTest, including the interoperability tests against PyJWT, jwcrypto and
# panva/jose. Exits with CTest's status. Works from any directory.
#
# Environment: ASSAY_JOBS (build parallelism, default: number of cores), ASSAY_TEST_JOBS (ctest -j, default 2),
# ASSAY_VECTORS_DIR (test vectors, default ../shared/vectors next to the clone), ASSAY_SKIP_INTEROP=1 (let the
# interoperability tests skip when a peer is missing instead of failing).
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build/release"
jobs=${ASSAY_JOBS:-$(nproc)}
test_jobs=${ASSAY_TEST_JOBS:-2}

"$root/scripts/install-deps.sh"

# The Node.js interoperability peer (panva/jose, pinned by package-lock.json) is installed here, not at test time.
# A stamp of the lock file's hash skips the reinstall when nothing changed.
node_dir="$root/tests/interop/node"
stamp="$node_dir/node_modules/.assay-lock-sha256"
lock_hash=$(sha256sum "$node_dir/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
    echo "test.sh: installing the Node.js interop peer (npm ci)"
    npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error
    echo "$lock_hash" >"$stamp"
fi

cd "$root"
cmake --preset release
cmake --build "$build_dir" --parallel "$jobs"
status=0
ctest --test-dir "$build_dir" --output-on-failure --parallel "$test_jobs" || status=$?
exit "$status"
