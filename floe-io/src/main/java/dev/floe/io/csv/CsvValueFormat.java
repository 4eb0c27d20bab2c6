package dev.floe.io.csv;

import dev.floe.core.types.TimeUnit;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Text forms of values in written CSV: floats in the shortest round-trip form laid out like Polars (plain
 * notation between 1e-6 and 1e21 with ".0" on whole numbers, otherwise {@code 1.5e-7} / {@code 3.4e+38};
 * {@code NaN}, {@code inf}, {@code -inf}), dates {@code YYYY-MM-DD}, date-times ISO-8601 with as many fraction
 * digits as the unit (and the zone's offset for zoned ones), times with nine fraction digits.
 */
public final class CsvValueFormat {
    private CsvValueFormat() {
    }

    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        return layout(Double.toString(magnitude), value < 0 || (value == 0 && 1 / value < 0),
                text -> Double.parseDouble(text) == magnitude);
    }

    public static String formatFloat(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        float magnitude = Math.abs(value);
        return layout(Float.toString(magnitude), value < 0 || (value == 0 && 1 / value < 0),
                text -> Float.parseFloat(text) == magnitude);
    }

    /** Re-lays Java's shortest digits ({@code 1.5E-7}, {@code 123.25}) in Polars' notation. */
    private static String layout(String java, boolean negative, java.util.function.Predicate<String> readsBack) {
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String integerPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String digits = integerPart + (dot < 0 ? "" : mantissa.substring(dot + 1));
        int point = integerPart.length() + exponent;
        int leading = 0;
        while (leading < digits.length() && digits.charAt(leading) == '0') {
            leading++;
        }
        digits = digits.substring(leading);
        point -= leading;
        int trailing = digits.length();
        while (trailing > 0 && digits.charAt(trailing - 1) == '0') {
            trailing--;
        }
        digits = digits.substring(0, trailing);
        if (digits.length() == 2) {
            // Java keeps two digits where one may do (4.9E-324); Polars writes the nearest one-digit form (5e-324).
            int twoDigits = Integer.parseInt(digits);
            int rounded = (twoDigits + 5) / 10;
            int other = rounded * 10 > twoDigits ? rounded - 1 : rounded + 1;
            for (int candidate : new int[] {rounded, other}) {
                if (candidate >= 1 && candidate <= 10 && readsBack.test(candidate + "E" + (point - 1))) {
                    digits = candidate == 10 ? "1" : String.valueOf(candidate);
                    point += candidate == 10 ? 1 : 0;
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (digits.isEmpty()) {
            return out.append("0.0").toString();
        }
        int count = digits.length();
        if (count <= point && point <= 21) {
            out.append(digits).append("0".repeat(point - count)).append(".0");
        } else if (0 < point && point <= 21) {
            out.append(digits, 0, point).append('.').append(digits, point, count);
        } else if (-6 < point && point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else {
            int written = point - 1;
            out.append(digits.charAt(0));
            if (count > 1) {
                out.append('.').append(digits, 1, count);
            }
            out.append('e').append(written >= 0 ? '+' : '-').append(Math.abs(written));
        }
        return out.toString();
    }

    /** Appends {@code YYYY-MM-DD} of a day count since 1970-01-01. */
    public static void appendDate(StringBuilder out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            out.append(java.time.LocalDate.ofEpochDay(epochDay));
            return;
        }
        pad(out, year, 4).append('-');
        pad(out, month, 2).append('-');
        pad(out, day, 2);
    }

    /** Appends {@code HH:MM:SS} and a fraction of {@code digits} digits (none when 0). */
    public static void appendTime(StringBuilder out, long nanosOfDay, int digits) {
        long seconds = nanosOfDay / 1_000_000_000L;
        pad(out, seconds / 3600, 2).append(':');
        pad(out, seconds / 60 % 60, 2).append(':');
        pad(out, seconds % 60, 2);
        if (digits > 0) {
            long fraction = nanosOfDay % 1_000_000_000L;
            for (int i = digits; i < 9; i++) {
                fraction /= 10;
            }
            out.append('.');
            pad(out, fraction, digits);
        }
    }

    /** Appends an ISO-8601 date-time: wall-clock (for a zone: in that zone, then its offset {@code ±HH:MM}). */
    public static void appendDatetime(StringBuilder out, long value, TimeUnit unit, ZoneId zone) {
        long perSecond = unit.perSecond();
        int digits = switch (unit) {
            case MILLISECONDS -> 3;
            case MICROSECONDS -> 6;
            case NANOSECONDS -> 9;
        };
        long seconds = Math.floorDiv(value, perSecond);
        long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
        int offsetSeconds = 0;
        if (zone != null) {
            offsetSeconds = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        }
        long local = seconds + offsetSeconds;
        appendDate(out, Math.floorDiv(local, 86_400L));
        out.append('T');
        appendTime(out, Math.floorMod(local, 86_400L) * 1_000_000_000L + nanos, digits);
        if (zone != null) {
            out.append(offsetSeconds < 0 ? '-' : '+');
            int absolute = Math.abs(offsetSeconds);
            pad(out, absolute / 3600, 2).append(':');
            pad(out, absolute / 60 % 60, 2);
        }
    }

    /** Appends a decimal's unscaled long value with {@code scale} fraction digits. */
    public static void appendDecimal(StringBuilder out, long unscaled, int scale) {
        if (scale == 0) {
            out.append(unscaled);
            return;
        }
        if (unscaled == Long.MIN_VALUE) {
            out.append(java.math.BigDecimal.valueOf(unscaled, scale).toPlainString());
            return;
        }
        if (unscaled < 0) {
            out.append('-');
            unscaled = -unscaled;
        }
        String digits = Long.toString(unscaled);
        if (digits.length() <= scale) {
            out.append("0.").append("0".repeat(scale - digits.length())).append(digits);
        } else {
            out.append(digits, 0, digits.length() - scale).append('.').append(digits, digits.length() - scale,
                    digits.length());
        }
    }

    private static StringBuilder pad(StringBuilder out, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

}
