package dev.floe.core.vector;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;

/** Argument checks shared by the vector constructors. */
final class VectorChecks {
    private VectorChecks() {
    }

    static void checkLength(int capacity, long[] validity, int length) {
        if (length < 0 || length > capacity) {
            throw FloeException.internal("vector length " + length + " outside its array of " + capacity);
        }
        if (validity != null && validity.length < Bitmap.wordCount(length)) {
            throw FloeException.internal("validity bitmap of " + validity.length + " words is too short for "
                    + length + " rows");
        }
    }

    static void checkSlice(int offset, int length, int vectorLength) {
        if (offset < 0 || length < 0 || offset + length > vectorLength) {
            throw FloeException.internal("slice [" + offset + ", " + (offset + length) + ") outside a vector of "
                    + vectorLength + " rows");
        }
    }

    static void checkType(DataType type, boolean accepted, String vectorKind) {
        if (!accepted) {
            throw FloeException.internal(vectorKind + " cannot hold values of type " + type);
        }
    }
}
