package dev.floe.io.parquet;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;

/**
 * BROTLI pages through brotli4j (JNI; native libraries are bundled per platform). There is no maintained pure-Java
 * Brotli, so where the native library does not load the error names the codec and the platform.
 */
final class BrotliCodec {
    private BrotliCodec() {
    }

    /** Decompresses into {@code output[0..size)}, returning the number of bytes the data holds. */
    static int decompress(byte[] input, int offset, int length, byte[] output, int size) throws IOException {
        ensureLoaded();
        byte[] decoded = Decoder.decompress(input, offset, length);
        if (decoded == null) {
            throw new IOException("the Brotli stream is invalid");
        }
        System.arraycopy(decoded, 0, output, 0, Math.min(decoded.length, size));
        return decoded.length;
    }

    static byte[] compress(byte[] input, int length, int level) {
        ensureLoaded();
        Encoder.Parameters parameters = new Encoder.Parameters().setQuality(level < 0 ? 5 : Math.min(level, 11));
        try {
            return Encoder.compress(input, 0, length, parameters);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "Brotli compression failed: " + e.getMessage(), e);
        }
    }

    private static void ensureLoaded() {
        if (!Brotli4jLoader.isAvailable()) {
            throw unavailable(Brotli4jLoader.getUnavailabilityCause());
        }
    }

    static FloeException unavailable(Throwable cause) {
        return new FloeException(ErrorCode.INVALID_ARGUMENT, "the Parquet codec BROTLI needs brotli4j's native "
                + "library, which does not load on " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + "; rewrite the file with ZSTD, SNAPPY, GZIP, LZ4_RAW or no compression", cause);
    }
}
