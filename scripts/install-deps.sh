#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Installs every system package that building Assay, its tests (including the interoperability peers) and the
# desktop application need, on Debian 12 or Ubuntu 24.04. Idempotent: when every package is already installed it
# does nothing (not even `apt-get update`), so the README commands stay fast on a second run.
# Runs as root, or asks sudo for the apt-get calls only.
set -euo pipefail

packages=(
    # compiler and build tools
    build-essential g++ cmake ninja-build pkg-config git ca-certificates
    # libraries (Qt6Gui's CMake package needs the OpenGL headers from libgl-dev)
    qt6-base-dev qt6-base-dev-tools libgl-dev libssl-dev nlohmann-json3-dev libbenchmark-dev
    # interoperability peers: PyJWT and jwcrypto from the distribution, Node.js + npm for panva/jose
    python3 python3-jwt python3-jwcrypto nodejs npm
    # the openssl tool (end-to-end tests build encrypted PKCS#8 keys with it)
    openssl
    # runtime: SVG icons need Qt's SVG plugin
    libqt6svg6
    # packaging checks run by CTest (AppStream and .desktop validation) and the icon renders
    appstream desktop-file-utils librsvg2-bin
    # a display server for the window (README command 1) and the GUI screenshot script
    xvfb xauth
    # the completion scripts and the man page are checked by the real shells and man(1)
    bash zsh fish man-db
)

is_installed() {
    local pkg=$1 status
    case "$pkg" in
        # Node.js from NodeSource ships npm inside its nodejs package and conflicts with Debian's npm package;
        # any working node/npm on PATH is good enough.
        nodejs) command -v node >/dev/null 2>&1 && return 0 ;;
        npm) command -v npm >/dev/null 2>&1 && return 0 ;;
    esac
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]]
}

missing=()
for pkg in "${packages[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages are present"
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps: missing packages (${missing[*]}); run as root or install sudo" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

still_missing=()
for pkg in "${missing[@]}"; do
    is_installed "$pkg" || still_missing+=("$pkg")
done
if ((${#still_missing[@]} > 0)); then
    echo "install-deps: still missing after apt-get: ${still_missing[*]}" >&2
    exit 1
fi
echo "install-deps: done"
