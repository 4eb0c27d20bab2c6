package dev.floe;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one value is printed in a frame, following Polars' display: {@code null}; strings in double quotes, cut
 * after 32 characters with {@code …}; integral floats with one decimal ({@code 1.0}); floats whose shortest form
 * is longer than 9 characters with at most 6 decimals, or in scientific notation ({@code 1.2346e10}) when their
 * magnitude is outside [1e-6, 1e6); dates ISO, datetimes {@code yyyy-MM-dd HH:mm:ss[.fraction]}.
 */
final class CellFormat {
    private static final int MAX_STRING = 32;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private CellFormat() {
    }

    static String format(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "\"" + (s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…" : s) + "\"";
            case Double d -> formatFloat(d);
            case Float f -> formatFloat(f);
            case BigDecimal d -> d.toPlainString();
            case byte[] bytes -> "b\"" + bytes.length + " bytes\"";
            case LocalDateTime dateTime -> DATETIME.format(dateTime) + fraction(dateTime.getNano());
            case ZonedDateTime zoned -> DATETIME.format(zoned) + fraction(zoned.getNano()) + " "
                    + zoned.getZone().getId();
            case LocalTime time -> time.toString();
            case List<?> list -> list.stream().map(v -> format(v)).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> format(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            default -> value.toString();
        };
    }

    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format(Locale.ROOT, "%09d", nanos);
        while (digits.endsWith("000")) {
            digits = digits.substring(0, digits.length() - 3);
        }
        return "." + digits;
    }

    static String formatFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 999_999) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        String plain = new BigDecimal(Double.toString(value)).toPlainString();
        if (plain.length() <= 9) {
            return plain;
        }
        if (magnitude < 1e-6 || magnitude >= 999_999) {
            return scientific(value);
        }
        String fixed = String.format(Locale.ROOT, "%.6f", value);
        while (fixed.endsWith("0")) {
            fixed = fixed.substring(0, fixed.length() - 1);
        }
        return fixed.endsWith(".") ? fixed + "0" : fixed;
    }

    /** {@code 1.2346e10}: four decimals, exponent without a plus sign or padding. */
    private static String scientific(double value) {
        String text = String.format(Locale.ROOT, "%.4e", value);
        int e = text.indexOf('e');
        String mantissa = text.substring(0, e);
        int exponent = Integer.parseInt(text.substring(e + 1));
        return mantissa + "e" + exponent;
    }
}
