package dev.floe.cluster.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection used by one caller at a time: the caller's own thread writes the request and
 * blocks reading the response, so an RPC costs no hand-off between threads (java.net.http.HttpClient passes every
 * exchange through its selector and executor threads, each a scheduling delay on a loaded machine). Built on a
 * {@link SocketChannel}, so interrupting the caller closes the connection and ends the wait.
 */
final class HttpConnection implements AutoCloseable {
    /** The longest response header line or body this client accepts (as the server's request limit). */
    static final int MAX_BODY_BYTES = 1 << 30;
    private static final int MAX_LINE_BYTES = 8192;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private boolean reusable = true;

    /** Why a response could not be read whole; {@code beforeAnswer}: the server sent not a byte of it. */
    static final class ExchangeFailure extends IOException {
        final boolean beforeAnswer;

        ExchangeFailure(String message, IOException cause, boolean beforeAnswer) {
            super(message, cause);
            this.beforeAnswer = beforeAnswer;
        }
    }

    HttpConnection(HostPort address, int timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        host = address.toString();
    }

    /** Whether the connection can carry another exchange. */
    boolean reusable() {
        return reusable && socket.isConnected() && !socket.isClosed();
    }

    /** POSTs {@code body} to {@code path} and returns the response body, whatever the status. */
    byte[] post(String path, byte[] body) throws IOException {
        reusable = false;
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        String status;
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            status = readLine();
        } catch (IOException e) {
            throw new ExchangeFailure(describe(e), e, !(e instanceof java.io.InterruptedIOException)
                    && !(e instanceof java.nio.channels.ClosedByInterruptException));
        }
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("malformed HTTP status line '" + status + "'");
        }
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
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
                default -> {
                }
            }
        }
        byte[] answer;
        if (chunked) {
            answer = readChunked();
        } else if (length >= 0) {
            answer = readExactly(length);
        } else {
            answer = in.readNBytes(MAX_BODY_BYTES);
            close = true;
        }
        reusable = !close;
        return answer;
    }

    private byte[] readChunked() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String line = readLine();
            int extension = line.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed HTTP chunk size '" + line + "'");
            }
            if (size < 0 || body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("HTTP response exceeds " + MAX_BODY_BYTES + " bytes");
            }
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // Trailers carry nothing this client needs.
                }
                return body.toByteArray();
            }
            body.write(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(long length) throws IOException {
        if (length > MAX_BODY_BYTES) {
            throw new IOException("HTTP response of " + length + " bytes exceeds the limit of " + MAX_BODY_BYTES);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("HTTP response ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0) {
                throw new IOException("negative HTTP Content-Length " + length);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP Content-Length '" + value + "'");
        }
    }

    /** One CRLF-terminated header line, without its terminator; end of stream before any byte is an EOF. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.isEmpty() ? "connection closed by the server"
                        : "connection closed in the middle of an HTTP header line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE_BYTES) {
                throw new IOException("HTTP header line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.append((char) b);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        reusable = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a connection that already failed.
        }
    }
}
