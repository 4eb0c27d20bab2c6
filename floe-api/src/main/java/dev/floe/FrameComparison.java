package dev.floe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Compares frames for tests: schemas exactly, values with a float tolerance, rows in order or as multisets. */
final class FrameComparison {
    private FrameComparison() {
    }

    /** A description of the first difference, or {@code null} when the frames are equal. */
    static String difference(DataFrame expected, DataFrame actual, double tolerance, boolean ignoreRowOrder) {
        if (!expected.schema().equals(actual.schema())) {
            return "schemas differ: expected " + expected.schema() + " but got " + actual.schema();
        }
        if (expected.height() != actual.height()) {
            return "heights differ: expected " + expected.height() + " rows but got " + actual.height();
        }
        List<List<Object>> expectedRows = expected.rows();
        List<List<Object>> actualRows = actual.rows();
        if (ignoreRowOrder) {
            expectedRows = new ArrayList<>(expectedRows);
            actualRows = new ArrayList<>(actualRows);
            expectedRows.sort(ROW_ORDER);
            actualRows.sort(ROW_ORDER);
        }
        for (int row = 0; row < expectedRows.size(); row++) {
            for (int column = 0; column < expected.width(); column++) {
                Object want = expectedRows.get(row).get(column);
                Object got = actualRows.get(row).get(column);
                if (!valuesEqual(want, got, tolerance)) {
                    return "row " + row + (ignoreRowOrder ? " (after sorting)" : "") + ", column '"
                            + expected.schema().field(column).name() + "': expected " + want + " but got " + got;
                }
            }
        }
        return null;
    }

    static boolean valuesEqual(Object expected, Object actual, double tolerance) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if ((expected instanceof Double || expected instanceof Float)
                && (actual instanceof Double || actual instanceof Float)) {
            double a = ((Number) expected).doubleValue();
            double b = ((Number) actual).doubleValue();
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.isNaN(a) && Double.isNaN(b);
            }
            if (a == b) {
                return true;
            }
            double difference = Math.abs(a - b);
            return difference <= tolerance || difference <= tolerance * Math.max(Math.abs(a), Math.abs(b));
        }
        if (expected instanceof BigDecimal a && actual instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (expected instanceof byte[] a && actual instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!valuesEqual(a.get(i), b.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** A total order on rows of one schema: nulls first, then by value, column by column. */
    private static final Comparator<List<Object>> ROW_ORDER = (left, right) -> {
        for (int i = 0; i < left.size(); i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        if (left instanceof Number a && right instanceof Number b && !(left instanceof BigDecimal)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof Comparable comparable && left.getClass() == right.getClass()) {
            return comparable.compareTo(right);
        }
        return left.toString().compareTo(right.toString());
    }
}
