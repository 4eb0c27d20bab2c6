package dev.floe.cluster;

import dev.floe.core.FloeException;
import java.util.Locale;

/**
 * How shuffle files are compressed. {@link #AUTO}, the default, compresses (LZ4) only data that leaves its host:
 * a cluster whose workers all run on one host and read each other's files in place writes plain Arrow IPC, since
 * compressing buys nothing there. An explicit {@code lz4}, {@code zstd} or {@code none} is always honoured.
 * Batches on the Flight wire are not compressed (Arrow Java's Flight has no codec).
 */
public enum ShuffleCompression {
    LZ4, ZSTD, NONE, AUTO;

    public static ShuffleCompression parse(String name) {
        for (ShuffleCompression value : values()) {
            if (value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw FloeException.invalidArgument("unknown shuffle compression '" + name + "'; use auto, lz4, zstd or none");
    }

    /**
     * The codec shuffle files are written with ({@code lz4}, {@code zstd} or {@code none}): for {@link #AUTO},
     * {@code none} when {@code readInPlace} (every worker of the cluster is on one host and reads its peers' files
     * in place, so no shuffle byte leaves the host) and {@code lz4} otherwise; any other choice as it is.
     */
    public String fileCodec(boolean readInPlace) {
        return switch (this) {
            case AUTO -> readInPlace ? NONE.lowerName() : LZ4.lowerName();
            case LZ4, ZSTD, NONE -> lowerName();
        };
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
