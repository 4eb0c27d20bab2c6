package dev.floe.core;

import java.util.Objects;

/** The one exception Floe throws: unchecked, with an {@link ErrorCode} saying what kind of failure it is. */
public final class FloeException extends RuntimeException {
    private final ErrorCode code;

    public FloeException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FloeException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** An invariant of Floe broke; the message says which. */
    public static FloeException internal(String message) {
        return new FloeException(ErrorCode.INTERNAL, "internal error (a bug in Floe): " + message);
    }

    public static FloeException invalidArgument(String message) {
        return new FloeException(ErrorCode.INVALID_ARGUMENT, message);
    }

    @Override
    public String toString() {
        return "FloeException[" + code + "]: " + getMessage();
    }
}
