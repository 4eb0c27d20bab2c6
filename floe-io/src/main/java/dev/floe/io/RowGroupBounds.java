package dev.floe.io;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import java.util.Objects;

/**
 * What one row group's statistics say of an integer or date column (dates as days since the epoch), so a planner
 * can split a scan by key ranges: {@code hasBounds} is false when min or max is not recorded, {@code nullCount} is
 * {@code -1} when unknown. {@code rowGroup} is the index {@link ScanTask#start()} counts in.
 */
public record RowGroupBounds(String path, long rowGroup, long rows, boolean hasBounds, long min, long max,
        long nullCount) {
    public RowGroupBounds {
        Objects.requireNonNull(path, "path");
        if (hasBounds && min > max) {
            throw FloeException.internal("row group bounds need min <= max, got " + min + " and " + max);
        }
    }

    /** Whether {@code type}'s values fit a long exactly and sort as one: integers up to 32-bit unsigned, dates. */
    public static boolean supports(DataType type) {
        return type.isSignedInteger() || type instanceof DataType.UInt8Type || type instanceof DataType.UInt16Type
                || type instanceof DataType.UInt32Type || type instanceof DataType.DateType;
    }
}
