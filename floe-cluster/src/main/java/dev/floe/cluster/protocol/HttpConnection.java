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

/**
 * One keep-alive HTTP/1.1 connection used by one caller at a time: the caller's own thread writes the request and
 * blocks reading the response, so an RPC costs no hand-off between threads (java.net.http.HttpClient passes every
 * exchange through its selector and executor threads, each a scheduling delay on a loaded machine). Built on a
 * {@link SocketChannel}, so interrupting the caller closes the connection and ends the wait.
 */
final class HttpConnection implements AutoCloseable {
    /** The longest response header line or body this client accepts (as the server's request limit). */
    static final int MAX_BODY_BYTES = 1 << 30;

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
        HttpHead response;
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            response = HttpHead.read(in);
        } catch (IOException e) {
            throw new ExchangeFailure(describe(e), e, !(e instanceof java.io.InterruptedIOException)
                    && !(e instanceof java.nio.channels.ClosedByInterruptException));
        }
        if (response == null) {
            throw new ExchangeFailure("connection closed by the server", new EOFException(), true);
        }
        if (!response.startLine().startsWith("HTTP/1.")) {
            throw new IOException("malformed HTTP status line '" + response.startLine() + "'");
        }
        byte[] answer = response.readBody(in, MAX_BODY_BYTES, true);
        reusable = !response.close() && (response.chunked() || response.contentLength() >= 0);
        return answer;
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
