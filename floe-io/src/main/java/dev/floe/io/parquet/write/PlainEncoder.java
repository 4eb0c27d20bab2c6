package dev.floe.io.parquet.write;

import dev.floe.io.parquet.encoding.ValueBuffer;

/** PLAIN encoding of values {@code [from, to)} of a {@link ValueBuffer}; {@code fixedLength} > 0 for FIXED_LEN_BYTE_ARRAY. */
final class PlainEncoder {
    private PlainEncoder() {
    }

    static void encode(ValueBuffer values, int from, int to, int fixedLength, ByteSink out) {
        switch (values.kind) {
            case INT32 -> {
                for (int i = from; i < to; i++) {
                    out.writeIntLittleEndian(values.ints[i]);
                }
            }
            case INT64 -> {
                for (int i = from; i < to; i++) {
                    out.writeLongLittleEndian(values.longs[i]);
                }
            }
            case FLOAT -> {
                for (int i = from; i < to; i++) {
                    out.writeIntLittleEndian(Float.floatToRawIntBits((float) values.doubles[i]));
                }
            }
            case DOUBLE -> {
                for (int i = from; i < to; i++) {
                    out.writeLongLittleEndian(Double.doubleToRawLongBits(values.doubles[i]));
                }
            }
            case BOOLEAN -> {
                int current = 0;
                int bits = 0;
                for (int i = from; i < to; i++) {
                    if (values.booleans[i]) {
                        current |= 1 << bits;
                    }
                    if (++bits == 8) {
                        out.write(current);
                        current = 0;
                        bits = 0;
                    }
                }
                if (bits > 0) {
                    out.write(current);
                }
            }
            case BYTES -> {
                for (int i = from; i < to; i++) {
                    int start = values.offsets[i];
                    int length = values.offsets[i + 1] - start;
                    if (fixedLength <= 0) {
                        out.writeIntLittleEndian(length);
                    }
                    out.write(values.bytes, start, length);
                }
            }
        }
    }
}
