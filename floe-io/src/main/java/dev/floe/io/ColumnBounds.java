package dev.floe.io;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;

/**
 * The smallest and largest value of a numeric or date column over a whole table, as file statistics tell them
 * (dates as days since the epoch), so a planner can estimate the share of rows a range predicate keeps.
 */
public record ColumnBounds(double min, double max) {
    public ColumnBounds {
        if (!(min <= max)) {
            throw FloeException.internal("column bounds need min <= max, got " + min + " and " + max);
        }
    }

    /** Whether {@code type}'s values have bounds of this kind: integers, floats, decimals and dates. */
    public static boolean supports(DataType type) {
        return type.isNumeric() || type instanceof DataType.DateType;
    }
}
