package dev.floe.cluster;

import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.Locale;

/** Parses the durations of command-line flags: a whole number and a unit, {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String flag, String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() >= 2) {
            char unit = trimmed.charAt(trimmed.length() - 1);
            try {
                long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
                if (amount > 0) {
                    switch (unit) {
                        case 's' -> {
                            return Duration.ofSeconds(amount);
                        }
                        case 'm' -> {
                            return Duration.ofMinutes(amount);
                        }
                        case 'h' -> {
                            return Duration.ofHours(amount);
                        }
                        case 'd' -> {
                            return Duration.ofDays(amount);
                        }
                        default -> {
                        }
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // Reported below with the valid forms.
            }
        }
        throw FloeException.invalidArgument(flag + " must be a positive whole number with a unit s, m, h or d "
                + "(for example 90s, 30m, 6h, 2d), got '" + text + "'");
    }
}
