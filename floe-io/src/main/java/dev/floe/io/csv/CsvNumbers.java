package dev.floe.io.csv;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from bytes, without making a String for the common cases: integers with overflow
 * detection, and decimal floats through an exact fast path (at most 15 significant digits and a small power
 * of ten) with {@link Double#parseDouble} only for the rest. A failed parse sets {@link #failed}.
 */
final class CsvNumbers {
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    boolean failed;

    /** A signed 64-bit integer; {@link #failed} on bad syntax or overflow. */
    long parseLong(byte[] b, int start, int end) {
        failed = false;
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i >= end) {
            failed = true;
            return 0;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                failed = true;
                return 0;
            }
            if (value < -922337203685477580L || (value == -922337203685477580L && digit > 8)) {
                failed = true;
                return 0;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                failed = true;
                return 0;
            }
            return -value;
        }
        return value;
    }

    /** An unsigned 64-bit integer as its two's complement bits; {@link #failed} on bad syntax or overflow. */
    long parseUnsignedLong(byte[] b, int start, int end) {
        failed = false;
        int i = start;
        if (i < end && b[i] == '+') {
            i++;
        }
        if (i >= end) {
            failed = true;
            return 0;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || Long.compareUnsigned(value, 1844674407370955161L) > 0
                    || (value == 1844674407370955161L && digit > 5)) {
                failed = true;
                return 0;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * A plain decimal ({@code -12.5}) as its unscaled value at {@code scale}, when that fits in 18 digits and
     * needs no rounding; {@link #failed} otherwise (the caller then takes the exact, slower path).
     */
    long parseDecimal(byte[] b, int start, int end, int scale) {
        failed = false;
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        boolean anyDigit = false;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            anyDigit = true;
            value = value * 10 + digit;
            if (value != 0 && ++digits > 18) {
                failed = true;
                return 0;
            }
        }
        int fraction = 0;
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                anyDigit = true;
                if (fraction < scale) {
                    value = value * 10 + digit;
                    fraction++;
                    if (value != 0 && ++digits > 18) {
                        failed = true;
                        return 0;
                    }
                } else if (digit != 0) {
                    failed = true;
                    return 0;
                }
            }
        }
        if (!anyDigit || i != end) {
            failed = true;
            return 0;
        }
        for (; fraction < scale; fraction++) {
            value *= 10;
            if (value != 0 && ++digits > 18) {
                failed = true;
                return 0;
            }
        }
        return negative ? -value : value;
    }

    /** A float in decimal or scientific notation, or inf / -inf / infinity / nan in any case. */
    double parseDouble(byte[] b, int start, int end) {
        failed = false;
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int exponent = 0;
        boolean anyDigit = false;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            anyDigit = true;
            if (significant > 0 || digit != 0) {
                significant++;
                if (significant <= 18) {
                    mantissa = mantissa * 10 + digit;
                } else {
                    exponent++;
                }
            }
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                anyDigit = true;
                if (significant > 0 || digit != 0) {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + digit;
                        exponent--;
                    }
                } else {
                    exponent--;
                }
            }
        }
        if (!anyDigit) {
            return special(b, start, end, i, negative);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i >= end) {
                failed = true;
                return 0;
            }
            int written = 0;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    failed = true;
                    return 0;
                }
                if (written < 100_000) {
                    written = written * 10 + digit;
                }
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != end) {
            failed = true;
            return 0;
        }
        double value;
        if (significant <= 15 && exponent >= -22 && exponent <= 22) {
            value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
        } else if (mantissa == 0) {
            value = 0.0;
        } else {
            value = Math.abs(Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1)));
        }
        return negative ? -value : value;
    }

    private double special(byte[] b, int start, int end, int i, boolean negative) {
        int length = end - i;
        if (matches(b, i, end, "inf") || matches(b, i, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && matches(b, i, end, "nan")) {
            return Double.NaN;
        }
        failed = true;
        return 0;
    }

    private static boolean matches(byte[] b, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase((char) b[start + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A float32: the syntax is checked here, the rounding is {@link Float#parseFloat}'s. */
    float parseFloat(byte[] b, int start, int end) {
        double checked = parseDouble(b, start, end);
        if (failed || Double.isNaN(checked) || Double.isInfinite(checked)) {
            return (float) checked;
        }
        return Float.parseFloat(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /** Whether the field is {@code true} or {@code false} (any case); the value is returned, {@link #failed} if neither. */
    boolean parseBoolean(byte[] b, int start, int end) {
        failed = false;
        if (matches(b, start, end, "true")) {
            return true;
        }
        if (!matches(b, start, end, "false")) {
            failed = true;
        }
        return false;
    }
}
