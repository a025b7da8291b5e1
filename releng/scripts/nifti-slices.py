#!/usr/bin/env python3
"""Axial slices of a NIfTI-1 volume as 8-bit greyscale PNG files (standard library only).

Used to make a source of real MRI image files for `hqcm report --ood-source` / `hqcm predict` (issue 17), for
example from Debian's mricron-data (the Colin27 T1 template):

    python3 releng/scripts/nifti-slices.py /usr/share/mricron/templates/ch2.nii.gz OUT_DIR --count 30

Slices are spread evenly over the middle 60% of the volume (the brain, not the empty ends); each is scaled to 0..255
by its own minimum and maximum. Only uncompressed little- or big-endian NIfTI-1 data of types uint8, int16, int32
and float32 are read; the header's declared size is checked against the file before anything is decoded.
"""
import argparse
import gzip
import os
import struct
import zlib

TYPES = {2: ("B", 1), 4: ("h", 2), 8: ("i", 4), 16: ("f", 4)}
MAX_VOXELS = 64 * 1024 * 1024


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        header = f.read(348)
        if len(header) < 348:
            raise SystemExit(f"{path}: shorter than a NIfTI-1 header (348 bytes)")
        end = "<" if struct.unpack("<i", header[:4])[0] == 348 else ">"
        if struct.unpack(end + "i", header[:4])[0] != 348:
            raise SystemExit(f"{path}: not a NIfTI-1 file (sizeof_hdr is not 348)")
        dims = struct.unpack(end + "8h", header[40:56])
        datatype = struct.unpack(end + "h", header[70:72])[0]
        offset = int(struct.unpack(end + "f", header[108:112])[0])
        if datatype not in TYPES:
            raise SystemExit(f"{path}: datatype {datatype} not read; expected one of {sorted(TYPES)}")
        nx, ny, nz = dims[1], dims[2], dims[3]
        if min(nx, ny, nz) < 1 or nx * ny * nz > MAX_VOXELS:
            raise SystemExit(f"{path}: dimensions {nx}x{ny}x{nz}; expected at most {MAX_VOXELS} voxels")
        code, size = TYPES[datatype]
        f.read(max(0, offset - 348))
        raw = f.read(nx * ny * nz * size)
        if len(raw) != nx * ny * nz * size:
            raise SystemExit(f"{path}: {len(raw)} bytes of voxels, expected {nx * ny * nz * size}")
    return nx, ny, nz, struct.unpack(end + code * (nx * ny * nz), raw)


def png(path, width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    body = b"".join(b"\x00" + bytes(r) for r in rows)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(body, 9)) + chunk(b"IEND", b""))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("volume")
    p.add_argument("out")
    p.add_argument("--count", type=int, default=30)
    a = p.parse_args()
    nx, ny, nz, v = read(a.volume)
    os.makedirs(a.out, exist_ok=True)
    lo, hi = int(nz * 0.2), int(nz * 0.8)
    count = max(1, min(a.count, hi - lo))
    base = os.path.basename(a.volume).split(".")[0]
    for i in range(count):
        z = lo + (hi - lo) * i // count
        plane = v[z * nx * ny:(z + 1) * nx * ny]
        mn, mx = min(plane), max(plane)
        scale = 255.0 / (mx - mn) if mx > mn else 0.0
        # rows from the top of the head (NIfTI's y grows towards the front; flipped so the front is up)
        rows = [[int((plane[y * nx + x] - mn) * scale) for x in range(nx)] for y in reversed(range(ny))]
        png(os.path.join(a.out, f"{base}_z{z:03d}.png"), nx, ny, rows)
    print(f"{count} slices of {nx}x{ny}x{nz} written to {a.out}")


if __name__ == "__main__":
    main()
