package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;

/**
 * The framing shared by every RPC: a request body is {@code "FLOE"} magic, a protocol version byte, then the
 * method's fields; a response is a status byte, then the method's fields (status 0) or an error code name and
 * message (status 1). Methods are HTTP POSTs to {@code /rpc/<method>}.
 */
public final class Rpc {
    public static final int MAGIC = 0x464C4F45;
    public static final int VERSION = 1;

    public static final String REGISTER = "register";
    public static final String POLL = "poll";
    public static final String SUBMIT = "submit";
    public static final String STATUS = "status";
    public static final String AWAIT = "await";
    public static final String CANCEL = "cancel";
    public static final String PROFILE = "profile";
    public static final String WORKERS = "workers";

    private Rpc() {
    }

    /** A request body writer with the framing already written. */
    public static WireOutput request() {
        return new WireOutput().writeInt(MAGIC).writeByte(VERSION);
    }

    /** Checks the framing of a request body and returns a reader positioned at the method's fields. */
    public static WireInput openRequest(byte[] body, String method) {
        WireInput in = new WireInput(body, method + " request");
        if (body.length < 5) {
            throw in.malformed("it has " + body.length + " bytes, fewer than the 5-byte header");
        }
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw in.malformed("it does not start with the Floe RPC magic (got 0x" + Integer.toHexString(magic) + ")");
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw in.malformed("protocol version " + version + " is not supported (this server speaks " + VERSION + ")");
        }
        return in;
    }

    public static WireOutput okResponse() {
        return new WireOutput().writeByte(0);
    }

    public static byte[] errorResponse(ErrorCode code, String message) {
        return new WireOutput().writeByte(1).writeString(code.name()).writeString(message).toByteArray();
    }

    /** Opens a response body: returns a reader of the fields, or throws the server's error as a FloeException. */
    public static WireInput openResponse(byte[] body, String method) {
        WireInput in = new WireInput(body, method + " response");
        int status = in.readByte();
        if (status == 0) {
            return in;
        }
        String code = in.readString();
        String message = in.readString();
        ErrorCode errorCode;
        try {
            errorCode = ErrorCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            errorCode = ErrorCode.CLUSTER_ERROR;
        }
        throw new FloeException(errorCode, message);
    }

    /** The fields of a successful response, or {@code null} for an error response. */
    public static WireInput openResponseQuietly(byte[] body) {
        try {
            return openResponse(body, "response");
        } catch (FloeException e) {
            return null;
        }
    }
}
