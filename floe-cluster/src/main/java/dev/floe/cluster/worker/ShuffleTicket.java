package dev.floe.cluster.worker;

import dev.floe.core.FloeException;
import java.nio.charset.StandardCharsets;

/**
 * Names one shuffle file in an Arrow Flight ticket: the output of map partition {@code map} of stage
 * {@code stage} of query {@code query} for reduce partition {@code reduce}, encoded as the text
 * {@code QUERY/STAGE/MAP/REDUCE}.
 */
public record ShuffleTicket(long query, int stage, int map, int reduce) {
    public ShuffleTicket {
        if (query < 0 || stage < 0 || map < 0 || reduce < 0) {
            throw FloeException.invalidArgument("a shuffle ticket's parts must be >= 0, got " + query + "/" + stage
                    + "/" + map + "/" + reduce);
        }
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a ticket's bytes; a malformed ticket is an INVALID_ARGUMENT error naming the expected form. */
    public static ShuffleTicket parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] parts = text.split("/", -1);
        if (parts.length != 4) {
            throw FloeException.invalidArgument("a shuffle ticket must be QUERY/STAGE/MAP/REDUCE, got '"
                    + abbreviate(text) + "'");
        }
        try {
            return new ShuffleTicket(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("a shuffle ticket's parts must be numbers, got '" + abbreviate(text)
                    + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    @Override
    public String toString() {
        return query + "/" + stage + "/" + map + "/" + reduce;
    }
}
