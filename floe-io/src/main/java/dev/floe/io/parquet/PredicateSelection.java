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
 * not true (SQL semantics), so null rows are dropped by comparisons.
 */
final class PredicateSelection {
    private PredicateSelection() {
    }

    /** The rows of {@code rows} that may match, or {@code null} when every row may. */
    static boolean[] mayMatch(ColumnPredicate predicate, Function<String, Vector> columns, int rows) {
        return switch (predicate) {
            case ColumnPredicate.And and -> {
                boolean[] result = null;
                for (ColumnPredicate term : and.terms()) {
                    boolean[] keep = mayMatch(term, columns, rows);
                    if (keep == null) {
                        continue;
                    }
                    if (result == null) {
                        result = keep;
                    } else {
                        for (int i = 0; i < rows; i++) {
                            result[i] &= keep[i];
                        }
                    }
                }
                yield result;
            }
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
            case ColumnPredicate.StartsWith startsWith -> startsWith(columns.apply(startsWith.column()),
                    startsWith.prefix(), rows);
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

    private static boolean[] startsWith(Vector vector, String prefix, int rows) {
        if (!(vector instanceof BytesVector bytes) || vector.length() != rows) {
            return null;
        }
        byte[] wanted = prefix.getBytes(StandardCharsets.UTF_8);
        boolean[] keep = new boolean[rows];
        int[] offsets = bytes.offsets();
        byte[] data = bytes.data();
        for (int i = 0; i < rows; i++) {
            int start = offsets[i];
            keep[i] = offsets[i + 1] - start >= wanted.length
                    && Arrays.equals(data, start, start + wanted.length, wanted, 0, wanted.length);
        }
        return dropNulls(keep, vector.validity(), rows);
    }

    private static boolean[] compare(Vector vector, ColumnPredicate.CompareOp op, Object value, int rows) {
        if (vector == null || vector.length() != rows) {
            return null;
        }
        Comparison comparison = Comparison.of(op);
        boolean[] keep = switch (vector) {
            case IntVector ints -> ints(ints, comparison, value, rows);
            case LongVector longs -> longs(longs, comparison, value, rows);
            case DoubleVector doubles -> doubles(doubles, comparison, value, rows);
            case BytesVector bytes -> bytes(bytes, comparison, value, rows);
            case BooleanVector booleans -> booleans(booleans, comparison, value, rows);
            case Int128Vector wide -> null;
            case ListVector list -> null;
            case StructVector struct -> null;
            case NullVector nulls -> null;
        };
        return keep == null ? null : dropNulls(keep, vector.validity(), rows);
    }

    private static boolean[] ints(IntVector vector, Comparison comparison, Object value, int rows) {
        int[] values = vector.values();
        boolean[] keep = new boolean[rows];
        if (value instanceof LocalDate date && vector.type() instanceof DataType.DateType) {
            long constant = date.toEpochDay();
            for (int i = 0; i < rows; i++) {
                keep[i] = comparison.test(Long.compare(values[i], constant));
            }
            return keep;
        }
        if (vector.type() instanceof DataType.DateType) {
            return null;
        }
        if (integral(value)) {
            long constant = ((Number) value).longValue();
            for (int i = 0; i < rows; i++) {
                keep[i] = comparison.test(Long.compare(values[i], constant));
            }
            return keep;
        }
        if (value instanceof Double constant) {
            for (int i = 0; i < rows; i++) {
                keep[i] = comparison.test(Double.compare(values[i], constant));
            }
            return keep;
        }
        return null;
    }

    private static boolean[] longs(LongVector vector, Comparison comparison, Object value, int rows) {
        if (!(vector.type() instanceof DataType.Int64Type || vector.type() instanceof DataType.UInt32Type)
                || !integral(value)) {
            return null;
        }
        long constant = ((Number) value).longValue();
        long[] values = vector.values();
        boolean[] keep = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            keep[i] = comparison.test(Long.compare(values[i], constant));
        }
        return keep;
    }

    /** Float64 only (a Float32 column may be compared with a narrowed constant); NaN rows are kept. */
    private static boolean[] doubles(DoubleVector vector, Comparison comparison, Object value, int rows) {
        if (!(vector.type() instanceof DataType.Float64Type) || !(value instanceof Double || integral(value))) {
            return null;
        }
        double constant = ((Number) value).doubleValue();
        if (Double.isNaN(constant)) {
            return null;
        }
        double[] values = vector.values();
        boolean[] keep = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            double v = values[i];
            keep[i] = v != v || comparison.test(v < constant ? -1 : v > constant ? 1 : 0);
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

    private static boolean integral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static boolean[] dropNulls(boolean[] keep, long[] validity, int rows) {
        if (validity != null) {
            for (int i = 0; i < rows; i++) {
                keep[i] &= Bitmap.get(validity, i);
            }
        }
        return keep;
    }

    /** Which signs of {@code compare(row, constant)} an operator accepts. */
    private record Comparison(boolean below, boolean equal, boolean above) {
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
