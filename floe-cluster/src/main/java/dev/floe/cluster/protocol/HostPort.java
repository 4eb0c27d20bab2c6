package dev.floe.cluster.protocol;

import dev.floe.core.FloeException;

/** A network address written {@code host:port}, validated. */
public record HostPort(String host, int port) {
    public HostPort {
        if (host == null || host.isBlank()) {
            throw FloeException.invalidArgument("an address needs a host, as in 127.0.0.1:7070");
        }
        if (port < 1 || port > 65535) {
            throw FloeException.invalidArgument("port " + port + " is not between 1 and 65535");
        }
    }

    public static HostPort parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw FloeException.invalidArgument("address '" + text + "' is not HOST:PORT, as in 127.0.0.1:7070");
        }
        try {
            return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("address '" + text + "' has a port that is not a number");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
