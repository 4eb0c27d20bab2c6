package dev.floe.cluster.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The start line and the headers the RPC layer needs of one HTTP/1.1 message (request or response), read from a
 * stream, and the reading of the body they announce, bounded: a lying length fails, it never allocates past the
 * limit. Shared by {@link HttpConnection} and {@link RpcServer}.
 */
record HttpHead(String startLine, long contentLength, boolean chunked, boolean close, boolean expectContinue) {
    private static final int MAX_LINE_BYTES = 8192;
    private static final int MAX_HEADERS = 100;

    /** Reads a message's head; {@code null} when the stream ends before its first byte (the peer closed). */
    static HttpHead read(InputStream in) throws IOException {
        String start = readLine(in, true);
        if (start == null) {
            return null;
        }
        long length = -1;
        boolean chunked = false;
        boolean close = start.endsWith("HTTP/1.0") || start.startsWith("HTTP/1.0");
        boolean expect = false;
        int count = 0;
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            if (++count > MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " HTTP header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed HTTP header line '" + line + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close |= value.equalsIgnoreCase("close");
                case "expect" -> expect = value.equalsIgnoreCase("100-continue");
                default -> {
                }
            }
        }
        return new HttpHead(start, length, chunked, close, expect);
    }

    /**
     * The body the head announces, at most {@code limit} bytes; without a length or chunking, {@code toEnd} reads
     * to the end of the stream (a response) and otherwise the body is empty (a request).
     */
    byte[] readBody(InputStream in, int limit, boolean toEnd) throws IOException {
        if (chunked) {
            return readChunked(in, limit);
        }
        if (contentLength >= 0) {
            if (contentLength > limit) {
                throw new BodyTooLarge("a body of " + contentLength + " bytes exceeds the limit of " + limit);
            }
            byte[] body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new EOFException("HTTP body ended after " + body.length + " of " + contentLength + " bytes");
            }
            return body;
        }
        if (!toEnd) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new BodyTooLarge("a body exceeds the limit of " + limit + " bytes");
        }
        return body;
    }

    /** A body over the limit: the message is refused, the connection cannot be read further. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    private static byte[] readChunked(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(in, false);
            int extension = line.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed HTTP chunk size '" + line + "'");
            }
            if (size < 0 || body.size() + size > limit) {
                throw new BodyTooLarge("a chunked body exceeds the limit of " + limit + " bytes");
            }
            if (size == 0) {
                for (String trailer = readLine(in, false); !trailer.isEmpty(); trailer = readLine(in, false)) {
                    // Trailers carry nothing the RPC layer needs.
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("HTTP chunk ended after " + chunk.length + " of " + size + " bytes");
            }
            body.write(chunk);
            readLine(in, false);
        }
    }

    private static long parseLength(String value) throws IOException {
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP Content-Length '" + value + "'");
        }
        if (length < 0) {
            throw new IOException("negative HTTP Content-Length " + length);
        }
        return length;
    }

    /** One CRLF- (or LF-) terminated line without its terminator; at the stream's end {@code null} if allowed. */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.isEmpty()) {
                    return null;
                }
                throw new EOFException(line.isEmpty() ? "connection closed by the peer"
                        : "connection closed in the middle of an HTTP line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE_BYTES) {
                throw new IOException("HTTP line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.append((char) b);
        }
    }
}
