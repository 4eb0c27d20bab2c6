package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.io.predicate.ColumnPredicate;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Decides from statistics whether a row group (or a hive partition) may hold rows matching a
 * {@link ColumnPredicate}. It answers "maybe" whenever it cannot prove "no": pruning never drops a match.
 */
final class RowGroupPruner {
    private RowGroupPruner() {
    }

    /**
     * Whether rows matching {@code predicate} may exist; {@code ranges} gives a column's statistics and
     * {@code types} its type (each {@code null} for a column they know nothing about).
     */
    static boolean mightMatch(ColumnPredicate predicate, Function<String, ValueRange> ranges,
            Function<String, DataType> types) {
        if (predicate == null) {
            return true;
        }
        return switch (predicate) {
            case ColumnPredicate.And and -> and.terms().stream().allMatch(term -> mightMatch(term, ranges, types));
            case ColumnPredicate.Or or -> or.terms().isEmpty()
                    || or.terms().stream().anyMatch(term -> mightMatch(term, ranges, types));
            case ColumnPredicate.Not not -> true;
            case ColumnPredicate.IsNull isNull -> {
                ValueRange range = ranges.apply(isNull.column());
                yield range == null || range.nullCount() != 0;
            }
            case ColumnPredicate.IsNotNull isNotNull -> {
                ValueRange range = ranges.apply(isNotNull.column());
                yield range == null || !range.allNull();
            }
            case ColumnPredicate.Compare compare -> compare(compare, ranges, types);
            case ColumnPredicate.In in -> {
                ValueRange range = ranges.apply(in.column());
                DataType type = types.apply(in.column());
                if (range == null || type == null) {
                    yield true;
                }
                if (range.allNull()) {
                    yield false;
                }
                boolean any = false;
                for (Object value : in.values()) {
                    if (value == null) {
                        continue;
                    }
                    any |= mightMatch(new ColumnPredicate.Compare(in.column(), ColumnPredicate.CompareOp.EQ, value),
                            ranges, types);
                }
                yield any;
            }
            case ColumnPredicate.EndsWith endsWith -> mayHoldValues(ranges.apply(endsWith.column()));
            case ColumnPredicate.Contains contains -> mayHoldValues(ranges.apply(contains.column()));
            case ColumnPredicate.StartsWith startsWith -> {
                ValueRange range = ranges.apply(startsWith.column());
                if (range == null) {
                    yield true;
                }
                if (range.allNull()) {
                    yield false;
                }
                Object low = range.min();
                Object high = range.max();
                if (!range.hasBounds() || !(low instanceof StatisticsValues.Bytes min)
                        || !(high instanceof StatisticsValues.Bytes max)) {
                    yield true;
                }
                byte[] prefix = startsWith.prefix().getBytes(StandardCharsets.UTF_8);
                StatisticsValues.Bytes bound = new StatisticsValues.Bytes(prefix);
                boolean maxBelow = max.compareTo(bound) < 0;
                boolean minAbove = min.compareTo(bound) > 0 && !min.startsWith(prefix);
                yield !(maxBelow || minAbove);
            }
        };
    }

    private static boolean compare(ColumnPredicate.Compare compare, Function<String, ValueRange> ranges,
            Function<String, DataType> types) {
        ValueRange range = ranges.apply(compare.column());
        DataType type = types.apply(compare.column());
        if (range == null || type == null) {
            return true;
        }
        if (range.allNull()) {
            return false;
        }
        if (!range.hasBounds()) {
            return true;
        }
        Comparable<Object> value = StatisticsValues.constant(type, compare.value());
        if (value == null || value.getClass() != range.min().getClass()) {
            return true;
        }
        int belowMin = value.compareTo(range.min());
        int aboveMax = value.compareTo(range.max());
        return switch (compare.op()) {
            case EQ -> belowMin >= 0 && aboveMax <= 0;
            case NOT_EQ -> !(belowMin == 0 && aboveMax == 0);
            case LT -> belowMin > 0;
            case LT_EQ -> belowMin >= 0;
            case GT -> aboveMax < 0;
            case GT_EQ -> aboveMax <= 0;
        };
    }

    /** Whether a column with these statistics may hold a non-null value (unknown statistics: it may). */
    private static boolean mayHoldValues(ValueRange range) {
        return range == null || !range.allNull();
    }
}
