package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP/1.1 server of binary RPC methods: each method maps a request reader to a response body. Every
 * connection is served by a thread of its own that reads a request, runs the method and writes the response,
 * so a call costs no hand-off between threads (the JDK's {@code HttpServer} passes each request from its
 * dispatcher thread to an executor thread, one more wake-up per call on a loaded machine) and a long poll holds
 * only its own connection. Every failure, malformed input included, becomes an error response with a clear
 * message or a closed connection; no request can crash the server or leave a connection hanging.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());
    private static final int MAX_REQUEST_BYTES = 1 << 30;
    /** A connection with no request for this long is closed (clients open a new one when they need it). */
    static final int IDLE_MILLIS = 60_000;

    private final ServerSocket socket;
    private final String name;
    private final int maxConnections;
    private final Map<String, Function<WireInput, byte[]>> methods = new ConcurrentHashMap<>();
    /** Open connections and the thread serving each (interrupted by {@link #close()}, as in a long poll). */
    private final Map<Socket, Thread> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private volatile boolean closed;

    /** A server on {@code host:port} (0: any free port) serving up to {@code threads} times 4 connections at once. */
    public RpcServer(String host, int port, int threads, String name) {
        try {
            socket = new ServerSocket(port, 64, InetAddress.getByName(host));
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot listen on " + host + ":" + port + " for the "
                    + name + ": " + e.getMessage(), e);
        }
        this.name = name;
        this.maxConnections = Math.max(16, threads * 4);
    }

    /** Serves {@code method}: the handler reads the request's fields and returns a full response body. */
    public void method(String method, Function<WireInput, byte[]> handler) {
        methods.put(method, handler);
    }

    public void start() {
        Thread.ofPlatform().daemon().name(name + "-rpc-accept").start(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "the " + name + " RPC server stopped accepting connections", e);
                }
                return;
            }
            if (connections.size() >= maxConnections) {
                LOG.warning("the " + name + " RPC server refused a connection: " + maxConnections + " are open");
                closeQuietly(connection);
                continue;
            }
            Thread thread = Thread.ofPlatform().daemon().name(name + "-rpc-" + connectionNumbers.getAndIncrement())
                    .unstarted(() -> serve(connection));
            connections.put(connection, thread);
            if (closed) {
                connections.remove(connection);
                closeQuietly(connection);
                return;
            }
            thread.start();
        }
    }

    /** Answers the connection's requests one after the other until the client closes it or stays idle too long. */
    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
            OutputStream out = connection.getOutputStream();
            while (!closed) {
                HttpHead head = HttpHead.read(in);
                if (head == null) {
                    return;
                }
                if (!answer(head, in, out)) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            LOG.log(Level.FINE, "RPC connection closed", e);
        } catch (IOException e) {
            LOG.log(Level.FINE, "malformed or broken RPC connection", e);
        } finally {
            connections.remove(connection);
        }
    }

    /** Reads one request's body, runs its method and writes the response; false when the connection must close. */
    private boolean answer(HttpHead head, InputStream in, OutputStream out) throws IOException {
        String[] parts = head.startLine().split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            respond(out, 400, Rpc.errorResponse(ErrorCode.INVALID_ARGUMENT, "malformed HTTP request line '"
                    + head.startLine() + "'"), true);
            return false;
        }
        if (head.expectContinue()) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        try {
            body = head.readBody(in, MAX_REQUEST_BYTES, false);
        } catch (HttpHead.BodyTooLarge e) {
            respond(out, 400, Rpc.errorResponse(ErrorCode.INVALID_ARGUMENT, "request refused: " + e.getMessage()),
                    true);
            return false;
        }
        String path = parts[1];
        String method = path.startsWith("/rpc/") ? path.substring("/rpc/".length()) : path;
        byte[] response;
        int status;
        try {
            if (!path.startsWith("/rpc/")) {
                throw FloeException.invalidArgument("no RPC at '" + path + "': methods are served at /rpc/<method>");
            }
            if (!"POST".equals(parts[0])) {
                throw FloeException.invalidArgument("RPC method '" + method + "' must be called with POST, not "
                        + parts[0]);
            }
            Function<WireInput, byte[]> handler = methods.get(method);
            if (handler == null) {
                throw FloeException.invalidArgument("unknown RPC method '" + method + "'; known: "
                        + new java.util.TreeSet<>(methods.keySet()));
            }
            response = handler.apply(Rpc.openRequest(body, method));
            status = 200;
        } catch (FloeException e) {
            response = Rpc.errorResponse(e.code(), e.getMessage());
            status = e.code() == ErrorCode.INVALID_ARGUMENT || e.code() == ErrorCode.INVALID_PLAN ? 400 : 500;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "RPC " + method + " failed", e);
            response = Rpc.errorResponse(ErrorCode.INTERNAL, "internal error (a bug in Floe) in RPC '" + method
                    + "': " + e);
            status = 500;
        }
        respond(out, status, response, head.close());
        return !head.close();
    }

    /** Writes the status line, the headers and the body in one write, so they leave in as few packets as fit. */
    private static void respond(OutputStream out, int status, byte[] body, boolean close) throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            default -> "Internal Server Error";
        };
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        out.write(message);
        out.flush();
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        connections.forEach((connection, thread) -> {
            closeQuietly(connection);
            thread.interrupt();
        });
    }
}
