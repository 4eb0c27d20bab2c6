package dev.floe.io.parquet.write;

import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.ValueBuffer;
import java.util.Arrays;

/**
 * A column chunk's dictionary: the distinct values in first-seen order and every value's index, built with
 * an open-addressing hash table; {@code null} from {@link #build} when it would exceed its limits.
 */
record Dictionary(ValueBuffer entries, int[] indices) {
    static Dictionary build(ValueBuffer values, int maxEntries, int maxBytes) {
        int count = values.count;
        if (values.kind == PhysicalKind.BOOLEAN || count == 0) {
            return null;
        }
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(count, maxEntries) * 2 - 1)) << 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int mask = capacity - 1;
        int[] indices = new int[count];
        ValueBuffer entries = new ValueBuffer(values.kind, Math.min(count, 1024));
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int hash = hash(values, i);
            int slot = hash & mask;
            while (true) {
                int entry = table[slot];
                if (entry < 0) {
                    if (entries.count >= maxEntries) {
                        return null;
                    }
                    entry = entries.count;
                    bytes += add(values, i, entries);
                    if (bytes > maxBytes) {
                        return null;
                    }
                    table[slot] = entry;
                    indices[i] = entry;
                    break;
                }
                if (equal(values, i, entries, entry)) {
                    indices[i] = entry;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new Dictionary(entries, indices);
    }

    private static int hash(ValueBuffer values, int i) {
        long key = switch (values.kind) {
            case INT32 -> values.ints[i];
            case INT64 -> values.longs[i];
            case FLOAT -> Float.floatToRawIntBits((float) values.doubles[i]);
            case DOUBLE -> Double.doubleToRawLongBits(values.doubles[i]);
            case BYTES -> {
                int h = 1;
                for (int b = values.offsets[i]; b < values.offsets[i + 1]; b++) {
                    h = 31 * h + values.bytes[b];
                }
                yield h;
            }
            case BOOLEAN -> 0;
        };
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private static boolean equal(ValueBuffer values, int i, ValueBuffer entries, int entry) {
        return switch (values.kind) {
            case INT32 -> values.ints[i] == entries.ints[entry];
            case INT64 -> values.longs[i] == entries.longs[entry];
            case FLOAT -> Float.floatToRawIntBits((float) values.doubles[i])
                    == Float.floatToRawIntBits((float) entries.doubles[entry]);
            case DOUBLE -> Double.doubleToRawLongBits(values.doubles[i])
                    == Double.doubleToRawLongBits(entries.doubles[entry]);
            case BYTES -> Arrays.equals(values.bytes, values.offsets[i], values.offsets[i + 1],
                    entries.bytes, entries.offsets[entry], entries.offsets[entry + 1]);
            case BOOLEAN -> false;
        };
    }

    /** Appends value {@code i} to the entries and returns its plain-encoded size. */
    private static int add(ValueBuffer values, int i, ValueBuffer entries) {
        entries.ensure(1);
        switch (values.kind) {
            case INT32 -> entries.ints[entries.count++] = values.ints[i];
            case INT64 -> entries.longs[entries.count++] = values.longs[i];
            case FLOAT, DOUBLE -> entries.doubles[entries.count++] = values.doubles[i];
            case BYTES -> {
                int length = values.offsets[i + 1] - values.offsets[i];
                entries.appendBytes(values.bytes, values.offsets[i], length);
                return length + 4;
            }
            case BOOLEAN -> {
            }
        }
        return values.kind == PhysicalKind.INT32 || values.kind == PhysicalKind.FLOAT ? 4 : 8;
    }
}
