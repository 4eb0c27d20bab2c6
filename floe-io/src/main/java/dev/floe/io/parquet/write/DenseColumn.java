package dev.floe.io.parquet.write;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.ValueBuffer;

/**
 * A column's definition levels (1 = value, 0 = null) and its non-null values in the physical layout Parquet
 * writes: INT32 for small integers, dates and UInt32 bits; INT64; FLOAT/DOUBLE; BOOLEAN; bytes for strings,
 * binary and 16-byte big-endian decimals.
 */
record DenseColumn(int[] definition, int rows, ValueBuffer values, boolean unsigned) {
    static DenseColumn of(Vector vector) {
        int rows = vector.length();
        long[] validity = vector instanceof NullVector ? Bitmap.allocate(rows) : vector.validity();
        int[] definition = new int[rows];
        int present = 0;
        for (int row = 0; row < rows; row++) {
            boolean valid = validity == null || Bitmap.get(validity, row);
            definition[row] = valid ? 1 : 0;
            present += definition[row];
        }
        DataType type = vector.type();
        boolean unsigned = type.isUnsignedInteger();
        ValueBuffer values;
        switch (vector) {
            case IntVector ints -> {
                values = new ValueBuffer(PhysicalKind.INT32, present);
                int[] source = ints.values();
                int k = 0;
                for (int row = 0; row < rows; row++) {
                    if (definition[row] != 0) {
                        values.ints[k++] = source[row];
                    }
                }
            }
            case LongVector longs -> {
                long[] source = longs.values();
                if (type instanceof DataType.UInt32Type) {
                    values = new ValueBuffer(PhysicalKind.INT32, present);
                    int k = 0;
                    for (int row = 0; row < rows; row++) {
                        if (definition[row] != 0) {
                            values.ints[k++] = (int) source[row];
                        }
                    }
                } else {
                    values = new ValueBuffer(PhysicalKind.INT64, present);
                    int k = 0;
                    for (int row = 0; row < rows; row++) {
                        if (definition[row] != 0) {
                            values.longs[k++] = source[row];
                        }
                    }
                }
            }
            case DoubleVector doubles -> {
                values = new ValueBuffer(type instanceof DataType.Float32Type ? PhysicalKind.FLOAT : PhysicalKind.DOUBLE,
                        present);
                double[] source = doubles.values();
                int k = 0;
                for (int row = 0; row < rows; row++) {
                    if (definition[row] != 0) {
                        values.doubles[k++] = source[row];
                    }
                }
            }
            case BooleanVector booleans -> {
                values = new ValueBuffer(PhysicalKind.BOOLEAN, present);
                boolean[] source = booleans.values();
                int k = 0;
                for (int row = 0; row < rows; row++) {
                    if (definition[row] != 0) {
                        values.booleans[k++] = source[row];
                    }
                }
            }
            case BytesVector bytes -> {
                values = new ValueBuffer(PhysicalKind.BYTES, present);
                int[] offsets = bytes.offsets();
                values.ensureBytes(offsets[rows] - offsets[0]);
                for (int row = 0; row < rows; row++) {
                    if (definition[row] != 0) {
                        values.appendBytes(bytes.data(), offsets[row], offsets[row + 1] - offsets[row]);
                    }
                }
            }
            case Int128Vector wide -> {
                values = new ValueBuffer(PhysicalKind.BYTES, present);
                values.ensureBytes((long) present * ParquetColumnTypes.DECIMAL128_BYTES);
                byte[] scratch = new byte[ParquetColumnTypes.DECIMAL128_BYTES];
                for (int row = 0; row < rows; row++) {
                    if (definition[row] != 0) {
                        long high = wide.high()[row];
                        long low = wide.low()[row];
                        for (int b = 0; b < 8; b++) {
                            scratch[b] = (byte) (high >>> (56 - 8 * b));
                            scratch[8 + b] = (byte) (low >>> (56 - 8 * b));
                        }
                        values.appendBytes(scratch, 0, scratch.length);
                    }
                }
            }
            case NullVector nulls -> values = new ValueBuffer(PhysicalKind.INT32, 0);
            case ListVector list -> throw new IllegalArgumentException("nested column");
            case StructVector struct -> throw new IllegalArgumentException("nested column");
        }
        if (values.kind != PhysicalKind.BYTES) {
            values.count = present;
        }
        return new DenseColumn(definition, rows, values, unsigned);
    }
}
