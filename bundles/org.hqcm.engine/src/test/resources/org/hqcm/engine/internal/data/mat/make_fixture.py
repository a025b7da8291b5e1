"""Writes libhdf5-matlab-like.mat: a figshare-style MATLAB v7.3 file made by the HDF5 reference library (as MATLAB
is), with the parts our own writer cannot make: gzip-compressed chunked datasets, uint16 PID, uint8 logical mask.
Run with Debian's python3-h5py: /usr/bin/python3 make_fixture.py  (the file is committed; tests only read it)."""
import h5py
import numpy as np

ROWS, COLS = 10, 12
image = np.array([[10 * r + c for c in range(COLS)] for r in range(ROWS)], dtype=np.int16)
mask = np.zeros((ROWS, COLS), dtype=np.uint8)
mask[2:5, 7:10] = 1
with h5py.File("libhdf5-matlab-like.mat", "w", userblock_size=512, libver="earliest") as f:
    g = f.create_group("cjdata")
    g.attrs["MATLAB_class"] = np.bytes_("struct")
    # MATLAB stores column-major: the HDF5 dataset is the transpose
    d = g.create_dataset("image", data=image.T, chunks=(6, 5), compression="gzip", compression_opts=3)
    d.attrs["MATLAB_class"] = np.bytes_("int16")
    d = g.create_dataset("label", data=np.array([[2.0]]))
    d.attrs["MATLAB_class"] = np.bytes_("double")
    pid = np.array([[ord(ch)] for ch in "MRN-77"], dtype=np.uint16)
    d = g.create_dataset("PID", data=pid)
    d.attrs["MATLAB_class"] = np.bytes_("char")
    d = g.create_dataset("tumorMask", data=mask.T, chunks=(12, 10), compression="gzip")
    d.attrs["MATLAB_class"] = np.bytes_("logical")
    d.attrs["MATLAB_int_decode"] = np.int32(1)
    d = g.create_dataset("tumorBorder", data=np.array([[8.0], [3.0], [10.0], [5.0]]))
    d.attrs["MATLAB_class"] = np.bytes_("double")
header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1 00:00:00 2015 HDF5 schema 1.00 ."
with open("libhdf5-matlab-like.mat", "r+b") as f:
    f.write(header.ljust(116, b" ") + b" " * 8 + b"\x00\x02IM")
