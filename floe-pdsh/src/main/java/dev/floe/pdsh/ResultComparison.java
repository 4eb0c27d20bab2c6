package dev.floe.pdsh;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The outcome of comparing a query result with its reference answer under PDS-H's rules, with a readable report of
 * the first difference.
 *
 * @param matches whether the result is accepted
 * @param report  "matches" or a description of the first difference (row, column, expected and actual values)
 */
public record ResultComparison(boolean matches, String report) {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ROUNDING_TOLERANCE = 0.01;

    static ResultComparison ok() {
        return new ResultComparison(true, "matches");
    }

    static ResultComparison differs(PdshQuery query, String report) {
        return new ResultComparison(false, "q" + query.number() + ": " + report);
    }

    /** Compares {@code actual} with {@code expected} for {@code query}. */
    public static ResultComparison compare(PdshQuery query, ResultTable expected, ResultTable actual) {
        if (!expected.columns().equals(actual.columns())) {
            return differs(query, "columns differ: expected " + expected.columns() + ", actual " + actual.columns());
        }
        List<String> columns = expected.columns();
        boolean[] rounded = new boolean[columns.size()];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = query.roundedColumns().contains(columns.get(i));
        }
        if (expected.rowCount() != actual.rowCount()) {
            return differs(query, "expected " + expected.rowCount() + " rows, actual " + actual.rowCount() + "; "
                    + describeUnmatched(expected, actual, rounded));
        }
        int[] keys = keyIndexes(query, columns);
        int start = 0;
        while (start < expected.rowCount()) {
            int end = start + 1;
            while (end < expected.rowCount() && sameKeys(expected.rows().get(start), expected.rows().get(end), keys,
                    rounded)) {
                end++;
            }
            String difference = compareGroup(expected, actual, start, end, rounded, columns, keys.length > 0);
            if (difference != null) {
                return differs(query, difference);
            }
            start = end;
        }
        return ok();
    }

    private static int[] keyIndexes(PdshQuery query, List<String> columns) {
        if (query.orderByColumns().isEmpty()) {
            return new int[0];
        }
        int[] keys = new int[query.orderByColumns().size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns.indexOf(query.orderByColumns().get(i));
        }
        return keys;
    }

    private static boolean sameKeys(List<Object> left, List<Object> right, int[] keys, boolean[] rounded) {
        if (keys.length == 0) {
            return true;
        }
        for (int key : keys) {
            if (key < 0 || !cellsEqual(left.get(key), right.get(key), rounded[key])) {
                return false;
            }
        }
        return true;
    }

    /** Rows [start, end) tie on the ORDER BY keys: they must match in order, or else as a multiset. */
    private static String compareGroup(ResultTable expected, ResultTable actual, int start, int end,
            boolean[] rounded, List<String> columns, boolean ordered) {
        int firstMismatch = -1;
        for (int row = start; row < end && firstMismatch < 0; row++) {
            if (!rowsEqual(expected.rows().get(row), actual.rows().get(row), rounded)) {
                firstMismatch = row;
            }
        }
        if (firstMismatch < 0) {
            return null;
        }
        boolean[] used = new boolean[end - start];
        for (int row = start; row < end; row++) {
            boolean found = false;
            for (int candidate = start; candidate < end && !found; candidate++) {
                if (!used[candidate - start]
                        && rowsEqual(expected.rows().get(row), actual.rows().get(candidate), rounded)) {
                    used[candidate - start] = true;
                    found = true;
                }
            }
            if (!found) {
                String where = end - start == 1 ? "" : " (rows " + (start + 1) + " to " + end
                        + (ordered ? " tie on the ORDER BY keys" : " may come in any order")
                        + " and no actual row among them matches it)";
                return describeRow(row, expected.rows().get(row), actual.rows().get(row), rounded, columns) + where;
            }
        }
        return null;
    }

    private static String describeRow(int row, List<Object> expected, List<Object> actual, boolean[] rounded,
            List<String> columns) {
        for (int column = 0; column < columns.size(); column++) {
            if (!cellsEqual(expected.get(column), actual.get(column), rounded[column])) {
                return "row " + (row + 1) + ", column '" + columns.get(column) + "': expected "
                        + show(expected.get(column)) + ", actual " + show(actual.get(column))
                        + "\n  expected row: " + showRow(expected) + "\n  actual row:   " + showRow(actual);
            }
        }
        return "row " + (row + 1) + " expected " + showRow(expected) + ", actual " + showRow(actual);
    }

    private static String describeUnmatched(ResultTable expected, ResultTable actual, boolean[] rounded) {
        List<String> parts = new ArrayList<>();
        int missing = firstUnmatched(expected, actual, rounded);
        if (missing >= 0) {
            parts.add("expected row " + (missing + 1) + " " + showRow(expected.rows().get(missing))
                    + " is missing from the actual result");
        }
        int extra = firstUnmatched(actual, expected, rounded);
        if (extra >= 0) {
            parts.add("actual row " + (extra + 1) + " " + showRow(actual.rows().get(extra))
                    + " is not in the expected result");
        }
        return parts.isEmpty() ? "rows are duplicated differently" : String.join("; ", parts);
    }

    private static int firstUnmatched(ResultTable from, ResultTable in, boolean[] rounded) {
        boolean[] used = new boolean[in.rowCount()];
        for (int row = 0; row < from.rowCount(); row++) {
            boolean found = false;
            for (int candidate = 0; candidate < in.rowCount() && !found; candidate++) {
                if (!used[candidate] && rowsEqual(from.rows().get(row), in.rows().get(candidate), rounded)) {
                    used[candidate] = true;
                    found = true;
                }
            }
            if (!found) {
                return row;
            }
        }
        return -1;
    }

    private static boolean rowsEqual(List<Object> expected, List<Object> actual, boolean[] rounded) {
        for (int column = 0; column < expected.size(); column++) {
            if (!cellsEqual(expected.get(column), actual.get(column), rounded[column])) {
                return false;
            }
        }
        return true;
    }

    /** Whether two values are equal under PDS-H's rules; numbers may be given as numbers or as their text. */
    static boolean cellsEqual(Object expected, Object actual, boolean rounded) {
        String expectedText = text(expected);
        String actualText = text(actual);
        if (expectedText == null || actualText == null) {
            return expectedText == null && actualText == null;
        }
        if (expectedText.equals(actualText)) {
            return true;
        }
        if (isNumber(expected, expectedText) && isNumber(actual, actualText)) {
            double left = Double.parseDouble(expectedText);
            double right = Double.parseDouble(actualText);
            double difference = Math.abs(left - right);
            double scale = Math.max(Math.abs(left), Math.abs(right));
            if (difference <= RELATIVE_TOLERANCE * scale) {
                return true;
            }
            return rounded && difference <= ROUNDING_TOLERANCE * (1 + 1e-9) + 1e-9 * scale;
        }
        return false;
    }

    private static boolean isNumber(Object value, String text) {
        return value instanceof Number || NUMBER.matcher(text).matches();
    }

    /** The answer-format text of a value; null for null and for the empty string. */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date.toString();
            case String string -> string.isEmpty() ? null : string;
            case Float number -> Double.toString(number.doubleValue());
            default -> value.toString();
        };
    }

    private static String show(Object value) {
        String text = text(value);
        return text == null ? "null" : "'" + text + "'";
    }

    private static String showRow(List<Object> row) {
        List<String> shown = new ArrayList<>(row.size());
        for (Object value : row) {
            shown.add(show(value));
        }
        return "[" + String.join(", ", shown) + "]";
    }
}
