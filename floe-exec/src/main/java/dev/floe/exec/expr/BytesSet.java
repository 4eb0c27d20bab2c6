package dev.floe.exec.expr;

import dev.floe.core.vector.BytesVector;
import dev.floe.exec.hash.Hashing;
import java.util.Arrays;

/**
 * A fixed set of byte strings (the constants of {@code is_in} on a string column), probed with a row's bytes in
 * place: no String is decoded per row. A few constants are compared one by one; more go to open addressing on
 * the byte hash, where a slot holds a constant's index + 1.
 */
final class BytesSet {
    private final byte[][] values;
    private final int[] slots;
    private final int mask;

    BytesSet(BytesVector constants) {
        int count = constants.length();
        values = new byte[count][];
        byte[] data = constants.data();
        int[] offsets = constants.offsets();
        int capacity = Integer.highestOneBit(Math.max(4, count * 4) - 1) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < count; i++) {
            values[i] = Arrays.copyOfRange(data, offsets[i], offsets[i + 1]);
            if (!contains(values[i], 0, values[i].length)) {
                int slot = (int) Hashing.bytes(values[i], 0, values[i].length) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i + 1;
            }
        }
    }

    /** Up to this many constants are compared one by one (length first) instead of hashing the row. */
    private static final int LINEAR = 8;

    /** Whether {@code data[start, end)} equals one of the constants. */
    boolean contains(byte[] data, int start, int end) {
        int length = end - start;
        if (values.length <= LINEAR) {
            for (byte[] value : values) {
                if (value.length == length && Arrays.equals(value, 0, length, data, start, end)) {
                    return true;
                }
            }
            return false;
        }
        int slot = (int) Hashing.bytes(data, start, end) & mask;
        while (true) {
            int index = slots[slot] - 1;
            if (index < 0) {
                return false;
            }
            byte[] value = values[index];
            if (value.length == length && Arrays.equals(value, 0, value.length, data, start, end)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }
}
