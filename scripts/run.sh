#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# README command 1: installs whatever is missing, builds Assay (release preset) and opens the desktop window on the
# bundled sample token, with the sample's published secret loaded so the badge shows "Signature verified".
# Where no display is available (no DISPLAY or WAYLAND_DISPLAY), it says so and prints what `assay-cli decode` and
# `assay-cli verify` say about the same token instead. Works from any directory; extra arguments are passed to the
# window instead of the sample (e.g. scripts/run.sh eyJhbGciOi... or scripts/run.sh token.jwt).
#
# Environment: ASSAY_JOBS (build parallelism, default: number of cores).
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build/release"
jobs=${ASSAY_JOBS:-$(nproc)}

"$root/scripts/install-deps.sh"

cd "$root"
cmake --preset release
cmake --build "$build_dir" --parallel "$jobs" --target assay-cli assay

cli="$build_dir/app/cli/assay-cli"
app="$build_dir/app/assay/assay"
for binary in "$cli" "$app"; do
    if [[ ! -x $binary ]]; then
        echo "run.sh: $binary was not built" >&2
        exit 1
    fi
done

sample="$root/resources/samples/sample-hs256.jwt"
# The sample's published secret (resources/samples/README.md); it protects nothing.
secret='assay-sample-secret-do-not-use-in-production'

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    if (($# > 0)); then
        exec "$app" "$@"
    fi
    # The window takes secrets only from a file, never from the command line; this one is the sample's.
    secret_file=$(mktemp)
    trap 'rm -f "$secret_file"' EXIT
    printf '%s' "$secret" >"$secret_file"
    "$app" --secret-file "$secret_file" "$sample"
    exit
fi

echo
echo "== No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the Assay window cannot open."
echo "== Here is what assay-cli says about the same token instead."
echo
if (($# > 0)); then
    exec "$cli" decode "$@"
fi
echo "\$ assay-cli decode resources/samples/sample-hs256.jwt"
"$cli" decode "$sample"
echo
echo "\$ assay-cli verify resources/samples/sample-hs256.jwt --secret '$secret'"
"$cli" verify "$sample" --secret "$secret"
