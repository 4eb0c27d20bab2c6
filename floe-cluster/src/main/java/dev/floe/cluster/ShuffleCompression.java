package dev.floe.cluster;

import dev.floe.core.FloeException;
import java.util.Locale;

/** How shuffle files are compressed on disk and on the wire. */
public enum ShuffleCompression {
    LZ4, ZSTD, NONE;

    public static ShuffleCompression parse(String name) {
        for (ShuffleCompression value : values()) {
            if (value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw FloeException.invalidArgument("unknown shuffle compression '" + name + "'; use lz4, zstd or none");
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
