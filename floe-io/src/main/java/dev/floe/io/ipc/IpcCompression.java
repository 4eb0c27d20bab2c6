package dev.floe.io.ipc;

import dev.floe.core.FloeException;
import java.util.Locale;
import org.apache.arrow.vector.compression.CompressionUtil;

/** Body compression of IPC files Floe writes; the option value {@code compression} names one. */
public enum IpcCompression {
    UNCOMPRESSED(CompressionUtil.CodecType.NO_COMPRESSION),
    LZ4(CompressionUtil.CodecType.LZ4_FRAME),
    ZSTD(CompressionUtil.CodecType.ZSTD);

    private final CompressionUtil.CodecType codec;

    IpcCompression(CompressionUtil.CodecType codec) {
        this.codec = codec;
    }

    CompressionUtil.CodecType codec() {
        return codec;
    }

    /** The body codecs Floe reads and writes IPC with, for Arrow readers outside this package (the shuffle server). */
    public static org.apache.arrow.vector.compression.CompressionCodec.Factory codecs() {
        return IpcCodecs.INSTANCE;
    }

    /** {@code uncompressed}, {@code lz4} or {@code zstd} (case-insensitive); {@code null} means uncompressed. */
    public static IpcCompression parse(String name) {
        if (name == null) {
            return UNCOMPRESSED;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "uncompressed", "none" -> UNCOMPRESSED;
            case "lz4" -> LZ4;
            case "zstd" -> ZSTD;
            default -> throw FloeException.invalidArgument("unknown IPC compression '" + name
                    + "'; use uncompressed, lz4 or zstd");
        };
    }
}
