package dev.floe.cluster;

import dev.floe.core.FloeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} arguments of the coordinator and worker main classes, checked against the known names. */
final class CommandLine {
    private final Map<String, String> values = new HashMap<>();

    CommandLine(String[] args, Set<String> known, String usage) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw FloeException.invalidArgument("unknown argument '" + name + "'; usage: " + usage);
            }
            if (i + 1 >= args.length) {
                throw FloeException.invalidArgument("argument " + name + " needs a value; usage: " + usage);
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name, String usage) {
        String value = values.get(name);
        if (value == null) {
            throw FloeException.invalidArgument("missing --" + name + "; usage: " + usage);
        }
        return value;
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    static void fail(String program, RuntimeException e, int status) {
        System.err.println(program + ": " + e.getMessage());
        System.err.flush();
        System.exit(status);
    }

    static List<String> split(String flags) {
        return flags == null || flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
    }
}
