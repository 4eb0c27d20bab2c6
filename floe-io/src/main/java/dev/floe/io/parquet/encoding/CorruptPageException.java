package dev.floe.io.parquet.encoding;

/**
 * Raised by the page decoders when bytes contradict the format; the column reader turns it into a
 * {@code FloeException} naming the file and column (the decoders know neither).
 */
public final class CorruptPageException extends RuntimeException {
    public CorruptPageException(String message) {
        super(message, null, false, false);
    }
}
