#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Builds the release packages: assay_<version>_<arch>.deb and assay-<version>-Linux.tar.gz in build/package/
# (override with ASSAY_PACKAGE_DIR). Installs what packaging needs when missing (dpkg-dev for dpkg-shlibdeps,
# librsvg2-bin for the PNG icons, appstream and desktop-file-utils for the checks), builds a Release tree with
# the GUI and without tests, stages `cmake --install` to check the desktop file and the AppStream metadata, then
# runs CPack. Works from any directory.
#
# Environment: ASSAY_JOBS (build parallelism, default: number of cores), ASSAY_PACKAGE_DIR.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ASSAY_PACKAGE_DIR:-$root/build/package}
jobs=${ASSAY_JOBS:-$(nproc)}

"$root/scripts/install-deps.sh"

tools=(dpkg-dev librsvg2-bin appstream desktop-file-utils)
missing=()
for pkg in "${tools[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
    if ((EUID == 0)); then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "package.sh: missing packages (${missing[*]}); run as root or install sudo" >&2
        exit 1
    fi
    echo "package.sh: installing ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DASSAY_BUILD_GUI=ON \
    -DASSAY_BUILD_TESTS=OFF \
    -DASSAY_BUILD_BENCH=OFF
cmake --build "$build_dir" --parallel "$jobs"

# Check the files as they will be installed, not their templates.
stage=$(mktemp -d)
trap 'rm -rf -- "$stage"' EXIT
cmake --install "$build_dir" --prefix "$stage/usr" >/dev/null
app_id=io.github.assay_jwt.Assay
desktop-file-validate "$stage/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$stage/usr/share/metainfo/$app_id.metainfo.xml"
for bin in assay assay-cli; do
    if [[ ! -x $stage/usr/bin/$bin ]]; then
        echo "package.sh: $bin is missing from the install tree" >&2
        exit 1
    fi
done

(cd "$build_dir" && cpack -G DEB && cpack -G TGZ)

echo
echo "package.sh: packages in $build_dir:"
for package in "$build_dir"/assay_*.deb "$build_dir"/assay-*.tar.gz; do
    [[ -e $package ]] && echo "  $package"
done
