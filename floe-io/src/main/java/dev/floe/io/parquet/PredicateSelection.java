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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Evaluates a pushed-down {@link ColumnPredicate} on a row group's decoded predicate columns, giving the rows that
 * may match. It never drops a matching row: a term it cannot evaluate exactly (an unsupported type or constant, a
 * negation) keeps every row, and the executor's exact filter above the scan decides. A comparison with a null is
 * not true (SQL semantics), so null rows are dropped by comparisons. A regex search is left to the executor (it is
 * evaluated per distinct value on dictionaries, see {@link DictionaryPredicate}).
 */
final class PredicateSelection {
    private PredicateSelection() {
    }

    /** The rows of {@code rows} that may match, or {@code null} when every row may. */
    static boolean[] mayMatch(ColumnPredicate predicate, Function<String, Vector> columns, int rows) {
        return switch (predicate) {
            case ColumnPredicate.And and -> Conjunctions.mayMatch(and, columns, rows);
            case ColumnPredicate.Or or -> {
                if (or.terms().isEmpty()) {
                    yield null;
                }
                boolean[] result = new boolean[rows];
                for (ColumnPredicate term : or.terms()) {
                    boolean[] keep = mayMatch(term, columns, rows);
                    if (keep == null) {
                        yield null;
                    }
                    for (int i = 0; i < rows; i++) {
                        result[i] |= keep[i];
                    }
                }
                yield result;
            }
            case ColumnPredicate.Not not -> null;
            case ColumnPredicate.IsNull isNull -> nulls(columns.apply(isNull.column()), rows, true);
            case ColumnPredicate.IsNotNull isNotNull -> nulls(columns.apply(isNotNull.column()), rows, false);
            case ColumnPredicate.Compare compare -> compare(columns.apply(compare.column()), compare.op(),
                    compare.value(), rows);
            case ColumnPredicate.In in -> in(columns.apply(in.column()), in, rows);
            case ColumnPredicate.StartsWith startsWith -> StringTests.startsWith(columns.apply(startsWith.column()),
                    startsWith.prefix(), rows);
            case ColumnPredicate.EndsWith endsWith -> StringTests.endsWith(columns.apply(endsWith.column()),
                    endsWith.suffix(), rows);
            case ColumnPredicate.Contains contains -> contains.literal()
                    ? StringTests.contains(columns.apply(contains.column()), contains.pattern(), rows) : null;
        };
    }

    private static boolean[] nulls(Vector vector, int rows, boolean keepNulls) {
        if (vector == null || vector.length() != rows) {
            return null;
        }
        long[] validity = vector.validity();
        boolean[] keep = new boolean[rows];
        if (validity == null) {
            Arrays.fill(keep, !keepNulls);
            return keep;
        }
        for (int i = 0; i < rows; i++) {
            keep[i] = Bitmap.get(validity, i) != keepNulls;
        }
        return keep;
    }

    /** Membership as equality with any value; null rows are kept (null membership semantics vary). */
    private static boolean[] in(Vector vector, ColumnPredicate.In in, int rows) {
        if (vector == null || vector.length() != rows || in.values().isEmpty()) {
            return null;
        }
        boolean[] result = new boolean[rows];
        for (Object value : in.values()) {
            boolean[] keep = value == null ? null : compare(vector, ColumnPredicate.CompareOp.EQ, value, rows);
            if (keep == null) {
                return null;
            }
            for (int i = 0; i < rows; i++) {
                result[i] |= keep[i];
            }
        }
        long[] validity = vector.validity();
        if (validity != null) {
            for (int i = 0; i < rows; i++) {
                result[i] |= !Bitmap.get(validity, i);
            }
        }
        return result;
    }

    private static boolean[] compare(Vector vector, ColumnPredicate.CompareOp op, Object value, int rows) {
        if (vector == null || vector.length() != rows) {
            return null;
        }
        boolean[] keep = switch (vector) {
            case IntVector ints -> ints(ints, op, value, rows);
            case LongVector longs -> longs(longs, op, value, rows);
            case DoubleVector doubles -> doubles(doubles, op, value, rows);
            case BytesVector bytes -> bytes(bytes, Comparison.of(op), value, rows);
            case BooleanVector booleans -> booleans(booleans, Comparison.of(op), value, rows);
            case Int128Vector wide -> null;
            case ListVector list -> null;
            case StructVector struct -> null;
            case NullVector nulls -> null;
        };
        return keep == null ? null : dropNulls(keep, vector.validity(), rows);
    }

    private static boolean[] ints(IntVector vector, ColumnPredicate.CompareOp op, Object value, int rows) {
        boolean date = vector.type() instanceof DataType.DateType;
        Long constant = date ? value instanceof LocalDate day ? day.toEpochDay() : null
                : integral(value) ? ((Number) value).longValue() : null;
        if (constant == null) {
            return !date && value instanceof Double number ? doubles(widen(vector.values(), rows), op, number, rows)
                    : null;
        }
        LongRange range = LongRange.of(op, constant);
        int[] values = vector.values();
        boolean[] keep = new boolean[rows];
        long low = range.low();
        long high = range.high();
        boolean inside = range.inside();
        for (int i = 0; i < rows; i++) {
            long v = values[i];
            keep[i] = ((v >= low) & (v <= high)) == inside;
        }
        return keep;
    }

    private static double[] widen(int[] values, int rows) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static boolean[] longs(LongVector vector, ColumnPredicate.CompareOp op, Object value, int rows) {
        if (!(vector.type() instanceof DataType.Int64Type || vector.type() instanceof DataType.UInt32Type)
                || !integral(value)) {
            return null;
        }
        LongRange range = LongRange.of(op, ((Number) value).longValue());
        long[] values = vector.values();
        boolean[] keep = new boolean[rows];
        long low = range.low();
        long high = range.high();
        boolean inside = range.inside();
        for (int i = 0; i < rows; i++) {
            long v = values[i];
            keep[i] = ((v >= low) & (v <= high)) == inside;
        }
        return keep;
    }

    /** Float64 only (a Float32 column may be compared with a narrowed constant); NaN rows are kept. */
    private static boolean[] doubles(DoubleVector vector, ColumnPredicate.CompareOp op, Object value, int rows) {
        if (!(vector.type() instanceof DataType.Float64Type) || !(value instanceof Double || integral(value))) {
            return null;
        }
        return doubles(vector.values(), op, ((Number) value).doubleValue(), rows);
    }

    /** Branch-free loops, one per operator (random data would defeat a branch predictor). */
    private static boolean[] doubles(double[] values, ColumnPredicate.CompareOp op, double constant, int rows) {
        if (Double.isNaN(constant)) {
            return null;
        }
        boolean[] keep = new boolean[rows];
        switch (op) {
            case EQ -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v == constant);
                }
            }
            case NOT_EQ -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v != constant);
                }
            }
            case LT -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v < constant);
                }
            }
            case LT_EQ -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v <= constant);
                }
            }
            case GT -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v > constant);
                }
            }
            case GT_EQ -> {
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    keep[i] = (v != v) | (v >= constant);
                }
            }
        }
        return keep;
    }

    private static boolean[] bytes(BytesVector vector, Comparison comparison, Object value, int rows) {
        byte[] constant = null;
        if (value instanceof String text && vector.type() instanceof DataType.StringType) {
            constant = text.getBytes(StandardCharsets.UTF_8);
        } else if (value instanceof byte[] raw && vector.type() instanceof DataType.BinaryType) {
            constant = raw;
        }
        if (constant == null) {
            return null;
        }
        int[] offsets = vector.offsets();
        byte[] data = vector.data();
        boolean[] keep = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            keep[i] = comparison.test(Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], constant, 0,
                    constant.length));
        }
        return keep;
    }

    private static boolean[] booleans(BooleanVector vector, Comparison comparison, Object value, int rows) {
        if (!(value instanceof Boolean constant)) {
            return null;
        }
        boolean[] keep = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            keep[i] = comparison.test(Boolean.compare(vector.get(i), constant));
        }
        return keep;
    }

    static boolean integral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static boolean[] dropNulls(boolean[] keep, long[] validity, int rows) {
        if (validity != null) {
            for (int i = 0; i < rows; i++) {
                keep[i] &= Bitmap.get(validity, i);
            }
        }
        return keep;
    }

    /** An integer comparison as a closed range: a row matches when it is inside it, or outside for NOT_EQ. */
    record LongRange(long low, long high, boolean inside) {
        static LongRange of(ColumnPredicate.CompareOp op, long constant) {
            return switch (op) {
                case EQ -> new LongRange(constant, constant, true);
                case NOT_EQ -> new LongRange(constant, constant, false);
                case LT -> constant == Long.MIN_VALUE ? new LongRange(1, 0, true)
                        : new LongRange(Long.MIN_VALUE, constant - 1, true);
                case LT_EQ -> new LongRange(Long.MIN_VALUE, constant, true);
                case GT -> constant == Long.MAX_VALUE ? new LongRange(1, 0, true)
                        : new LongRange(constant + 1, Long.MAX_VALUE, true);
                case GT_EQ -> new LongRange(constant, Long.MAX_VALUE, true);
            };
        }
    }

    /** Which signs of {@code compare(row, constant)} an operator accepts. */
    record Comparison(boolean below, boolean equal, boolean above) {
        static Comparison of(ColumnPredicate.CompareOp op) {
            return switch (op) {
                case EQ -> new Comparison(false, true, false);
                case NOT_EQ -> new Comparison(true, false, true);
                case LT -> new Comparison(true, false, false);
                case LT_EQ -> new Comparison(true, true, false);
                case GT -> new Comparison(false, false, true);
                case GT_EQ -> new Comparison(false, true, true);
            };
        }

        boolean test(int sign) {
            return sign < 0 ? below : sign == 0 ? equal : above;
        }
    }
}
