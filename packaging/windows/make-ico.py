#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates packaging/windows/assay.ico from the application icon's SVG.

Renders each size with rsvg-convert (apt install librsvg2-bin) and stores the PNGs in one ICO file; Windows Vista
and later read PNG-compressed icon entries at every size.
"""
import pathlib
import struct
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "io.github.assay_jwt.Assay.svg"
ICO = ROOT / "packaging" / "windows" / "assay.ico"
SIZES = (16, 24, 32, 48, 64, 256)


def render(size: int) -> bytes:
    return subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), str(SVG)],
                          check=True, capture_output=True).stdout


def main() -> int:
    images = [(size, render(size)) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    directory = b""
    for size, png in images:
        # width and height 0 mean 256; no palette; 1 plane; 32 bits per pixel
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    ICO.write_bytes(header + directory + b"".join(png for _, png in images))
    print(f"wrote {ICO} ({ICO.stat().st_size} bytes, sizes {', '.join(map(str, SIZES))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
