#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Renders the real `assay` window under Xvfb to docs/screenshot.png (shown in the README).
# Usage: scripts/screenshot.sh [build-dir]   (default: build/ui; build the `assay` target first)
# Needs: Xvfb, ImageMagick (`import`, `convert`). Uses the bundled sample token and its published sample secret.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${root}/build/ui}"
app="${build}/app/assay/assay"
out="${root}/docs/screenshot.png"
display="${ASSAY_SCREENSHOT_DISPLAY:-:99}"
geometry="1600x1000"

for tool in Xvfb import convert; do
    command -v "${tool}" >/dev/null || { echo "screenshot.sh: ${tool} is not installed" >&2; exit 1; }
done
[[ -x "${app}" ]] || { echo "screenshot.sh: ${app} not found; build the assay target first" >&2; exit 1; }

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
    [[ -n "${app_pid}" ]] && kill "${app_pid}" 2>/dev/null || true
    [[ -n "${xvfb_pid}" ]] && kill "${xvfb_pid}" 2>/dev/null || true
    rm -rf "${work}"
}
trap cleanup EXIT

Xvfb "${display}" -screen 0 "${geometry}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    DISPLAY="${display}" xdpyinfo >/dev/null 2>&1 && break || sleep 0.1
done

# The sample secret is published in resources/samples/README.md; it goes in through a file, never argv.
printf '%s' 'assay-sample-secret-do-not-use-in-production' >"${work}/secret"
# A private settings directory: the picture never depends on (or changes) the user's saved layout.
DISPLAY="${display}" XDG_CONFIG_HOME="${work}/config" XDG_RUNTIME_DIR="${work}" QT_QPA_PLATFORM=xcb \
    "${app}" -qwindowgeometry "${geometry}+0+0" --secret-file "${work}/secret" \
    "${root}/resources/samples/sample-hs256.jwt" >/dev/null 2>&1 &
app_pid=$!
sleep "${ASSAY_SCREENSHOT_DELAY:-3}"

mkdir -p "$(dirname "${out}")"
DISPLAY="${display}" import -window root "${work}/raw.png"
# A 256-colour palette keeps the PNG small (flat UI colours survive it) for the repository.
convert "${work}/raw.png" -strip -colors 256 -define png:compression-level=9 "${out}"
echo "wrote ${out} ($(du -k "${out}" | cut -f1) KB)"
