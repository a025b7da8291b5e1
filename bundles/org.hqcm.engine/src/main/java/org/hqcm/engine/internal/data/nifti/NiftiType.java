package org.hqcm.engine.internal.data.nifti;

import java.nio.ByteBuffer;

/** The NIfTI data types this reader takes (the real scalars int8..float64), with their codes and sizes. */
public enum NiftiType {
    UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), INT8(256, 1), UINT16(512, 2),
    UINT32(768, 4), INT64(1024, 8), UINT64(1280, 8);

    private final int code;
    private final int bytes;

    NiftiType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The header's {@code datatype} code. */
    public int code() {
        return code;
    }

    /** Bytes per voxel ({@code bitpix / 8}). */
    public int bytes() {
        return bytes;
    }

    /** The type of a {@code datatype} code, or null for codes this reader does not take (complex, RGB, ...). */
    public static NiftiType of(int code) {
        for (NiftiType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Reads one stored value at the buffer's position (in its byte order) and advances. */
    double read(ByteBuffer b) {
        return switch (this) {
            case UINT8 -> b.get() & 0xFF;
            case INT8 -> b.get();
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xFFFFFFFFL;
            case INT64 -> b.getLong();
            case UINT64 -> unsigned(b.getLong());
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
        };
    }

    /** Writes one stored value (rounded and clamped for integer types). */
    void write(ByteBuffer b, double v) {
        switch (this) {
            case UINT8 -> b.put((byte) clamp(v, 0, 255));
            case INT8 -> b.put((byte) clamp(v, -128, 127));
            case INT16 -> b.putShort((short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT16 -> b.putShort((short) clamp(v, 0, 65535));
            case INT32 -> b.putInt((int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT32 -> b.putInt((int) (long) clamp(v, 0, 4294967295.0));
            case INT64 -> b.putLong(Math.round(v));
            case UINT64 -> b.putLong(v >= 0x1p63 ? Math.round(v - 0x1p63) ^ Long.MIN_VALUE : Math.max(0, Math.round(v)));
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, Math.rint(v)));
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1 | (v & 1)) * 2.0;
    }
}
