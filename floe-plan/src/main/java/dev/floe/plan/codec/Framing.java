package dev.floe.plan.codec;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.util.function.Function;

/**
 * The envelope of every serialized plan: magic {@code FLOE}, a format version, and a kind byte (resolved plan or
 * DSL plan); decoding turns every failure into an {@link ErrorCode#INVALID_PLAN} error.
 */
final class Framing {
    static final int MAGIC = 0x464C4F45;
    static final int VERSION = 1;
    static final int KIND_LOGICAL = 1;
    static final int KIND_DSL = 2;

    private Framing() {
    }

    static CodecWriter start(int kind) {
        CodecWriter out = new CodecWriter();
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(kind);
        return out;
    }

    static <T> T decode(byte[] bytes, int kind, Function<CodecReader, T> body) {
        if (bytes == null) {
            throw new FloeException(ErrorCode.INVALID_PLAN, "no serialized plan (null bytes)");
        }
        CodecReader in = new CodecReader(bytes);
        try {
            if (bytes.length < 6 || in.readInt() != MAGIC) {
                throw CodecReader.invalid("the bytes do not start with the Floe plan magic 'FLOE'");
            }
            int version = in.readByte();
            if (version != VERSION) {
                throw CodecReader.invalid("format version " + version + "; this Floe reads version " + VERSION);
            }
            int actualKind = in.readByte();
            if (actualKind != kind) {
                throw CodecReader.invalid("plan kind " + actualKind + " where " + kind + " was expected ("
                        + KIND_LOGICAL + " = logical plan, " + KIND_DSL + " = DSL plan)");
            }
            T result = body.apply(in);
            in.expectEnd();
            return result;
        } catch (FloeException e) {
            if (e.code() == ErrorCode.INVALID_PLAN) {
                throw e;
            }
            throw new FloeException(ErrorCode.INVALID_PLAN, "malformed serialized plan: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FloeException(ErrorCode.INVALID_PLAN, "malformed serialized plan: " + e, e);
        }
    }
}
