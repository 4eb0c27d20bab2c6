package dev.floe.cluster.worker;

import dev.floe.core.vector.Batch;
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
import java.util.Objects;

/**
 * Hashes rows on key columns the same way on every worker, so equal keys from both sides of a join (or from
 * every partial aggregate) land in the same shuffle partition. One primitive loop per column type; nested and
 * 128-bit decimals fall back to their values' own hash.
 */
final class RowHasher {
    private static final int NULL_HASH = 0x5bd1e995;

    private RowHasher() {
    }

    /** Combined hashes of {@code keyColumns} for every row of {@code batch}. */
    static int[] hash(Batch batch, int[] keyColumns) {
        int rows = batch.rowCount();
        int[] hashes = new int[rows];
        for (int column : keyColumns) {
            mix(batch.column(column), hashes, rows);
        }
        return hashes;
    }

    private static void mix(Vector vector, int[] hashes, int rows) {
        switch (vector) {
            case LongVector longs -> {
                long[] values = longs.values();
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], longs.isNull(i) ? NULL_HASH : hashLong(values[i]));
                }
            }
            case IntVector ints -> {
                int[] values = ints.values();
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], ints.isNull(i) ? NULL_HASH : hashLong(values[i]));
                }
            }
            case DoubleVector doubles -> {
                double[] values = doubles.values();
                for (int i = 0; i < rows; i++) {
                    double value = values[i] == 0.0 ? 0.0 : values[i];
                    hashes[i] = combine(hashes[i], doubles.isNull(i) ? NULL_HASH
                            : hashLong(Double.doubleToLongBits(value)));
                }
            }
            case BooleanVector booleans -> {
                boolean[] values = booleans.values();
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], booleans.isNull(i) ? NULL_HASH : values[i] ? 1231 : 1237);
                }
            }
            case BytesVector bytes -> {
                int[] offsets = bytes.offsets();
                byte[] data = bytes.data();
                for (int i = 0; i < rows; i++) {
                    if (bytes.isNull(i)) {
                        hashes[i] = combine(hashes[i], NULL_HASH);
                        continue;
                    }
                    int h = 1;
                    for (int b = offsets[i]; b < offsets[i + 1]; b++) {
                        h = 31 * h + data[b];
                    }
                    hashes[i] = combine(hashes[i], hashLong(h));
                }
            }
            case NullVector nulls -> {
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], NULL_HASH);
                }
            }
            case Int128Vector wide -> mixObjects(wide, hashes, rows);
            case ListVector list -> mixObjects(list, hashes, rows);
            case StructVector struct -> mixObjects(struct, hashes, rows);
        }
    }

    private static void mixObjects(Vector vector, int[] hashes, int rows) {
        for (int i = 0; i < rows; i++) {
            Object value = vector.getObject(i);
            hashes[i] = combine(hashes[i], value == null ? NULL_HASH : hashLong(deepHash(value)));
        }
    }

    private static int deepHash(Object value) {
        return value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes) : Objects.hashCode(value);
    }

    private static int hashLong(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    private static int combine(int seed, int value) {
        return seed * 0x01000193 ^ value;
    }
}
