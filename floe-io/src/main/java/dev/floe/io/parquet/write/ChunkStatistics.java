package dev.floe.io.parquet.write;

import dev.floe.io.parquet.encoding.ValueBuffer;
import java.util.Arrays;
import org.apache.parquet.format.Statistics;

/**
 * Min/max (in the type's sort order: unsigned for unsigned integers and byte strings, signed for decimals)
 * and null count of a column chunk, in the format 2 {@code min_value}/{@code max_value} fields.
 */
final class ChunkStatistics {
    private static final int MAX_BOUND_BYTES = 4096;

    private ChunkStatistics() {
    }

    static Statistics of(ValueBuffer values, long nulls, boolean unsigned, boolean signedBytes) {
        Statistics statistics = new Statistics();
        statistics.setNull_count(nulls);
        int count = values.count;
        if (count == 0) {
            return statistics;
        }
        ByteSink min = new ByteSink(16);
        ByteSink max = new ByteSink(16);
        switch (values.kind) {
            case INT32 -> {
                int low = values.ints[0];
                int high = low;
                for (int i = 1; i < count; i++) {
                    int v = values.ints[i];
                    if (unsigned ? Integer.compareUnsigned(v, low) < 0 : v < low) {
                        low = v;
                    }
                    if (unsigned ? Integer.compareUnsigned(v, high) > 0 : v > high) {
                        high = v;
                    }
                }
                min.writeIntLittleEndian(low);
                max.writeIntLittleEndian(high);
            }
            case INT64 -> {
                long low = values.longs[0];
                long high = low;
                for (int i = 1; i < count; i++) {
                    long v = values.longs[i];
                    if (unsigned ? Long.compareUnsigned(v, low) < 0 : v < low) {
                        low = v;
                    }
                    if (unsigned ? Long.compareUnsigned(v, high) > 0 : v > high) {
                        high = v;
                    }
                }
                min.writeLongLittleEndian(low);
                max.writeLongLittleEndian(high);
            }
            case FLOAT, DOUBLE -> {
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    double v = values.doubles[i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    any = true;
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
                if (!any) {
                    return statistics;
                }
                if (low == 0) {
                    low = -0.0;
                }
                if (high == 0) {
                    high = 0.0;
                }
                if (values.kind == dev.floe.io.parquet.encoding.PhysicalKind.FLOAT) {
                    min.writeIntLittleEndian(Float.floatToRawIntBits((float) low));
                    max.writeIntLittleEndian(Float.floatToRawIntBits((float) high));
                } else {
                    min.writeLongLittleEndian(Double.doubleToRawLongBits(low));
                    max.writeLongLittleEndian(Double.doubleToRawLongBits(high));
                }
            }
            case BOOLEAN -> {
                boolean anyFalse = false;
                boolean anyTrue = false;
                for (int i = 0; i < count; i++) {
                    anyTrue |= values.booleans[i];
                    anyFalse |= !values.booleans[i];
                }
                min.write(anyFalse ? 0 : 1);
                max.write(anyTrue ? 1 : 0);
            }
            case BYTES -> {
                int low = 0;
                int high = 0;
                for (int i = 0; i < count; i++) {
                    if (values.offsets[i + 1] - values.offsets[i] > MAX_BOUND_BYTES) {
                        return statistics;
                    }
                    if (compare(values, i, low, signedBytes) < 0) {
                        low = i;
                    }
                    if (compare(values, i, high, signedBytes) > 0) {
                        high = i;
                    }
                }
                min.write(values.bytes, values.offsets[low], values.offsets[low + 1] - values.offsets[low]);
                max.write(values.bytes, values.offsets[high], values.offsets[high + 1] - values.offsets[high]);
            }
        }
        statistics.setMin_value(Arrays.copyOf(min.array(), min.size()));
        statistics.setMax_value(Arrays.copyOf(max.array(), max.size()));
        return statistics;
    }

    /** Unsigned byte order, or for big-endian two's complement decimals of equal width, signed order. */
    private static int compare(ValueBuffer values, int a, int b, boolean signed) {
        int aStart = values.offsets[a];
        int bStart = values.offsets[b];
        if (signed) {
            int first = Byte.compare(values.bytes[aStart], values.bytes[bStart]);
            if (first != 0) {
                return first;
            }
        }
        return Arrays.compareUnsigned(values.bytes, aStart, values.offsets[a + 1], values.bytes, bStart,
                values.offsets[b + 1]);
    }
}
