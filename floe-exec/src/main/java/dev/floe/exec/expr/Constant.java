package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.Collections;

/** A literal value known at compile time, so kernels can use it as a scalar instead of a broadcast vector. */
public record Constant(boolean known, Object value, DataType type) {
    public static final Constant NONE = new Constant(false, null, DataType.NULL);

    public static Constant of(Object value, DataType type) {
        return new Constant(true, value, type);
    }

    /** The value as its physical long (days for dates, units for datetimes, unscaled decimals, ...). */
    public long asLong() {
        return Numbers.longs(one())[0];
    }

    /** The value as a double. */
    public double asDouble() {
        return Numbers.doubles(one())[0];
    }

    /** The value's bytes, for a string or binary constant (UTF-8 for strings). */
    public byte[] asBytes() {
        return ((dev.floe.core.vector.BytesVector) one()).getBytes(0);
    }

    private Vector one() {
        return Vectors.fromObjects(type, Collections.singletonList(value));
    }
}
