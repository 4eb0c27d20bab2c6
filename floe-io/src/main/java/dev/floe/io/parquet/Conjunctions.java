package dev.floe.io.parquet;

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
import dev.floe.io.predicate.ColumnPredicate;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The conjunctions of {@link PredicateSelection}: terms after the first test only the candidate rows still left,
 * so a selective first term makes the others nearly free.
 */
final class Conjunctions {
    private Conjunctions() {
    }

    /**
     * A conjunction: the first term that evaluates gives candidate rows; numeric comparisons after it test only
     * the candidates still left (Q6's five terms cost about one pass), other terms a full pass.
     */
    static boolean[] mayMatch(ColumnPredicate.And and, Function<String, Vector> columns, int rows) {
        return mayMatch(and, columns, rows, null);
    }

    /**
     * The conjunction restricted to the rows {@code initial} keeps (when not null): the terms then test only those,
     * as after a first term.
     */
    static boolean[] mayMatch(ColumnPredicate.And and, Function<String, Vector> columns, int rows, boolean[] initial) {
        int[] candidates = null;
        int count = 0;
        if (initial != null) {
            candidates = new int[rows];
            count = RowMasks.candidates(initial, rows, candidates);
        }
        for (ColumnPredicate term : and.terms()) {
            if (candidates != null && term instanceof ColumnPredicate.In in) {
                int refined = refineIn(columns.apply(in.column()), in, candidates, count, rows);
                if (refined >= 0) {
                    count = refined;
                    continue;
                }
            }
            if (candidates != null && term instanceof ColumnPredicate.Compare compare) {
                int refined = refine(columns.apply(compare.column()), compare.op(), compare.value(), candidates,
                        count, rows);
                if (refined >= 0) {
                    count = refined;
                    continue;
                }
            }
            boolean[] keep = PredicateSelection.mayMatch(term, columns, rows);
            if (keep == null) {
                continue;
            }
            if (candidates == null) {
                candidates = new int[rows];
                count = RowMasks.candidates(keep, rows, candidates);
            } else {
                count = RowMasks.retain(candidates, count, keep);
            }
        }
        if (candidates == null) {
            return null;
        }
        return RowMasks.mask(candidates, count, rows);
    }

    /**
     * Keeps the candidates (the first {@code count}) that may satisfy a numeric comparison, compacting them in
     * place, and returns how many are left; -1 when the comparison is not a numeric one this can test.
     */
    private static int refine(Vector vector, ColumnPredicate.CompareOp op, Object value, int[] candidates, int count,
            int rows) {
        if (vector == null || vector.length() != rows) {
            return -1;
        }
        long[] validity = vector.validity();
        int kept = 0;
        switch (vector) {
            case IntVector ints -> {
                Long constant = ints.type() instanceof DataType.DateType
                        ? value instanceof LocalDate day ? day.toEpochDay() : null
                        : PredicateSelection.integral(value) ? ((Number) value).longValue() : null;
                if (constant == null) {
                    return -1;
                }
                kept = refineInts(ints.values(), validity, PredicateSelection.LongRange.of(op, constant),
                        candidates, count);
            }
            case LongVector longs -> {
                if (!(longs.type() instanceof DataType.Int64Type || longs.type() instanceof DataType.UInt32Type)
                        || !PredicateSelection.integral(value)) {
                    return -1;
                }
                kept = refineLongs(longs.values(), validity,
                        PredicateSelection.LongRange.of(op, ((Number) value).longValue()), candidates, count);
            }
            case DoubleVector doubles -> {
                if (!(doubles.type() instanceof DataType.Float64Type) || !(value instanceof Double || PredicateSelection.integral(value))
                        || Double.isNaN(((Number) value).doubleValue())) {
                    return -1;
                }
                kept = refineDoubles(doubles.values(), validity, ((Number) value).doubleValue(),
                        PredicateSelection.Comparison.of(op), candidates, count);
            }
            case BytesVector bytes -> {
                return -1;
            }
            case BooleanVector booleans -> {
                return -1;
            }
            case Int128Vector wide -> {
                return -1;
            }
            case ListVector list -> {
                return -1;
            }
            case StructVector struct -> {
                return -1;
            }
            case NullVector nulls -> {
                return -1;
            }
        }
        return kept;
    }

    /* The row loops of refine, one per storage, outside it (see RowMasks for why). */

    private static int refineInts(int[] values, long[] validity, PredicateSelection.LongRange range, int[] candidates,
            int count) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = candidates[k];
            long v = values[row];
            boolean ok = ((v >= range.low()) & (v <= range.high())) == range.inside()
                    && (validity == null || Bitmap.get(validity, row));
            candidates[kept] = row;
            kept += ok ? 1 : 0;
        }
        return kept;
    }

    private static int refineLongs(long[] values, long[] validity, PredicateSelection.LongRange range,
            int[] candidates, int count) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = candidates[k];
            long v = values[row];
            boolean ok = ((v >= range.low()) & (v <= range.high())) == range.inside()
                    && (validity == null || Bitmap.get(validity, row));
            candidates[kept] = row;
            kept += ok ? 1 : 0;
        }
        return kept;
    }

    private static int refineDoubles(double[] values, long[] validity, double constant,
            PredicateSelection.Comparison comparison, int[] candidates, int count) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = candidates[k];
            double v = values[row];
            int sign = v < constant ? -1 : v > constant ? 1 : 0;
            boolean ok = (v != v || comparison.test(sign)) && (validity == null || Bitmap.get(validity, row));
            candidates[kept] = row;
            kept += ok ? 1 : 0;
        }
        return kept;
    }

    /**
     * Keeps the candidates that may be in an integer membership list (null rows are kept, as
     * {@link PredicateSelection} keeps them), compacting them in place; -1 when this is not such a test.
     */
    private static int refineIn(Vector vector, ColumnPredicate.In in, int[] candidates, int count, int rows) {
        if (vector == null || vector.length() != rows || in.values().isEmpty()
                || !in.values().stream().allMatch(PredicateSelection::integral)) {
            return -1;
        }
        long[] wanted = in.values().stream().mapToLong(value -> ((Number) value).longValue()).sorted().toArray();
        long[] validity = vector.validity();
        int kept = 0;
        if (vector instanceof IntVector ints && !(ints.type() instanceof DataType.DateType)) {
            int[] values = ints.values();
            for (int k = 0; k < count; k++) {
                int row = candidates[k];
                boolean ok = java.util.Arrays.binarySearch(wanted, values[row]) >= 0
                        || validity != null && !Bitmap.get(validity, row);
                candidates[kept] = row;
                kept += ok ? 1 : 0;
            }
            return kept;
        }
        if (vector instanceof LongVector longs && (longs.type() instanceof DataType.Int64Type
                || longs.type() instanceof DataType.UInt32Type)) {
            long[] values = longs.values();
            for (int k = 0; k < count; k++) {
                int row = candidates[k];
                boolean ok = java.util.Arrays.binarySearch(wanted, values[row]) >= 0
                        || validity != null && !Bitmap.get(validity, row);
                candidates[kept] = row;
                kept += ok ? 1 : 0;
            }
            return kept;
        }
        return -1;
    }
}
