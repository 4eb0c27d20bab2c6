package dev.floe.io.csv;

import dev.floe.core.types.TimeUnit;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Parses dates ({@code YYYY-MM-DD}), times ({@code HH:MM:SS[.fraction]}) and ISO-8601 date-times
 * ({@code YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z|±HH[[:]MM]]}, or a bare date) straight from bytes. A failed
 * parse sets {@link #failed}; {@link #hadOffset} and {@link #fractionDigits} describe the last date-time.
 */
final class CsvTemporal {
    boolean failed;
    boolean hadOffset;
    int fractionDigits;
    private int position;

    /** Days since 1970-01-01. */
    int parseDate(byte[] b, int start, int end) {
        failed = false;
        position = start;
        int days = date(b, end);
        if (!failed && position != end) {
            failed = true;
        }
        return days;
    }

    /** Nanoseconds since midnight. */
    long parseTime(byte[] b, int start, int end) {
        failed = false;
        position = start;
        long nanos = time(b, end);
        if (!failed && position != end) {
            failed = true;
        }
        return nanos;
    }

    /**
     * Units since the epoch. Text with an offset is converted to UTC; text without one is wall-clock time in
     * {@code zone} ({@code null}: counted as if it were UTC).
     */
    long parseDatetime(byte[] b, int start, int end, TimeUnit unit, ZoneId zone) {
        failed = false;
        hadOffset = false;
        fractionDigits = 0;
        position = start;
        int days = date(b, end);
        if (failed) {
            return 0;
        }
        long nanosOfDay = 0;
        if (position < end) {
            byte separator = b[position];
            if (separator != 'T' && separator != ' ') {
                failed = true;
                return 0;
            }
            position++;
            nanosOfDay = time(b, end);
            if (failed) {
                return 0;
            }
        }
        long offsetSeconds = 0;
        if (position < end) {
            byte sign = b[position];
            if (sign == 'Z' && position + 1 == end) {
                position++;
                hadOffset = true;
            } else if (sign == '+' || sign == '-') {
                position++;
                int hours = digits(b, end, 2);
                int minutes = 0;
                if (position < end && b[position] == ':') {
                    position++;
                }
                if (position < end) {
                    minutes = digits(b, end, 2);
                }
                if (failed || position != end || hours > 23 || minutes > 59) {
                    failed = true;
                    return 0;
                }
                offsetSeconds = (hours * 3600L + minutes * 60L) * (sign == '-' ? -1 : 1);
                hadOffset = true;
            } else {
                failed = true;
                return 0;
            }
        }
        long seconds = days * 86_400L + nanosOfDay / 1_000_000_000L;
        long nanos = nanosOfDay % 1_000_000_000L;
        if (hadOffset) {
            seconds -= offsetSeconds;
        } else if (zone != null) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, (int) nanos, java.time.ZoneOffset.UTC);
            seconds = ZonedDateTime.of(local, zone).toEpochSecond();
        }
        try {
            return Math.addExact(Math.multiplyExact(seconds, unit.perSecond()),
                    nanos / (1_000_000_000L / unit.perSecond()));
        } catch (ArithmeticException e) {
            failed = true;
            return 0;
        }
    }

    private int date(byte[] b, int end) {
        int year = digits(b, end, 4);
        if (!expect(b, end, '-')) {
            return 0;
        }
        int month = digits(b, end, 2);
        if (!expect(b, end, '-')) {
            return 0;
        }
        int day = digits(b, end, 2);
        if (failed || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            failed = true;
            return 0;
        }
        return (int) epochDay(year, month, day);
    }

    private long time(byte[] b, int end) {
        int hours = digits(b, end, 2);
        if (!expect(b, end, ':')) {
            return 0;
        }
        int minutes = digits(b, end, 2);
        int seconds = 0;
        long fraction = 0;
        if (!failed && position < end && b[position] == ':') {
            position++;
            seconds = digits(b, end, 2);
            if (!failed && position < end && b[position] == '.') {
                position++;
                int count = 0;
                while (position < end && b[position] >= '0' && b[position] <= '9') {
                    if (count < 9) {
                        fraction = fraction * 10 + (b[position] - '0');
                    }
                    count++;
                    position++;
                }
                if (count == 0) {
                    failed = true;
                }
                fractionDigits = count;
                for (int i = count; i < 9; i++) {
                    fraction *= 10;
                }
            }
        }
        if (failed || hours > 23 || minutes > 59 || seconds > 59) {
            failed = true;
            return 0;
        }
        return (hours * 3600L + minutes * 60L + seconds) * 1_000_000_000L + fraction;
    }

    private int digits(byte[] b, int end, int count) {
        if (failed || position + count > end) {
            failed = true;
            return 0;
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            int digit = b[position + i] - '0';
            if (digit < 0 || digit > 9) {
                failed = true;
                return 0;
            }
            value = value * 10 + digit;
        }
        position += count;
        return value;
    }

    private boolean expect(byte[] b, int end, char c) {
        if (failed || position >= end || b[position] != c) {
            failed = true;
            return false;
        }
        position++;
        return true;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (civil-to-days arithmetic, no allocation). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
