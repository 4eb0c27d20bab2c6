package dev.floe.io.codec;

import io.airlift.compress.v3.Compressor;
import io.airlift.compress.v3.Decompressor;
import io.airlift.compress.v3.lz4.Lz4JavaCompressor;
import io.airlift.compress.v3.lz4.Lz4JavaDecompressor;
import io.airlift.compress.v3.lz4.Lz4NativeCompressor;
import io.airlift.compress.v3.lz4.Lz4NativeDecompressor;
import io.airlift.compress.v3.snappy.SnappyJavaCompressor;
import io.airlift.compress.v3.snappy.SnappyJavaDecompressor;
import io.airlift.compress.v3.snappy.SnappyNativeCompressor;
import io.airlift.compress.v3.snappy.SnappyNativeDecompressor;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdNativeCompressor;
import io.airlift.compress.v3.zstd.ZstdNativeDecompressor;
import java.util.function.BooleanSupplier;

/**
 * Chooses, once per JVM (for Parquet pages and Arrow IPC buffers), between aircompressor's native (libzstd, liblz4, libsnappy through java.lang.foreign) and
 * pure-Java implementations of each codec: native where its library loads (2-3x faster decompression on SF1
 * lineitem pages, see BENCHMARKS.md), Java otherwise, logged once at debug. {@code -Dfloe.nativeCodecs=false}
 * forces the Java implementations.
 */
public final class CodecLibrary {
    private static final System.Logger LOGGER = System.getLogger(CodecLibrary.class.getName());
    private static final String NATIVE_PROPERTY = "floe.nativeCodecs";
    private static final boolean NATIVE_ZSTD = usable("zstd", ZstdNativeDecompressor::isEnabled);
    private static final boolean NATIVE_SNAPPY = usable("snappy", SnappyNativeDecompressor::isEnabled);
    private static final boolean NATIVE_LZ4 = usable("lz4", Lz4NativeDecompressor::isEnabled);

    private static final ThreadLocal<Decompressor> ZSTD = ThreadLocal.withInitial(
            () -> NATIVE_ZSTD ? new ZstdNativeDecompressor() : new ZstdJavaDecompressor());
    private static final ThreadLocal<Decompressor> SNAPPY = ThreadLocal.withInitial(
            () -> NATIVE_SNAPPY ? new SnappyNativeDecompressor() : new SnappyJavaDecompressor());
    private static final ThreadLocal<Decompressor> LZ4 = ThreadLocal.withInitial(
            () -> NATIVE_LZ4 ? new Lz4NativeDecompressor() : new Lz4JavaDecompressor());

    private CodecLibrary() {
    }

    private static boolean usable(String codec, BooleanSupplier nativeEnabled) {
        if (!Boolean.parseBoolean(System.getProperty(NATIVE_PROPERTY, "true"))) {
            LOGGER.log(System.Logger.Level.DEBUG, codec + ": pure-Java implementation ("
                    + NATIVE_PROPERTY + "=false)");
            return false;
        }
        boolean enabled;
        try {
            enabled = nativeEnabled.getAsBoolean();
        } catch (LinkageError | RuntimeException e) {
            enabled = false;
        }
        if (!enabled) {
            LOGGER.log(System.Logger.Level.DEBUG, codec + ": the native library does not load on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + "; using the pure-Java implementation");
        }
        return enabled;
    }

    public static Decompressor zstd() {
        return ZSTD.get();
    }

    public static Decompressor snappy() {
        return SNAPPY.get();
    }

    public static Decompressor lz4() {
        return LZ4.get();
    }

    /** A zstd compressor at {@code level} (the native library's default for -1; Java has one fixed level). */
    public static Compressor zstdCompressor(int level) {
        if (!NATIVE_ZSTD) {
            return new ZstdJavaCompressor();
        }
        return level < 0 ? new ZstdNativeCompressor() : new ZstdNativeCompressor(level);
    }

    public static Compressor snappyCompressor() {
        return NATIVE_SNAPPY ? new SnappyNativeCompressor() : new SnappyJavaCompressor();
    }

    public static Compressor lz4Compressor() {
        return NATIVE_LZ4 ? new Lz4NativeCompressor() : new Lz4JavaCompressor();
    }
}
