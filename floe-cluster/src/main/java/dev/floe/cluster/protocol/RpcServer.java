package dev.floe.cluster.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP server of binary RPC methods (JDK {@link HttpServer}): each method maps a request reader to a
 * response body. Every failure, malformed input included, becomes an error response with a clear message; no
 * request can crash the server or leave a connection hanging.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());
    private static final int MAX_REQUEST_BYTES = 1 << 30;
    /** The JDK server's switch for TCP_NODELAY on accepted connections (read once, when its first server starts). */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and body in separate packets; with Nagle's algorithm on (its
        // default) the body waits for the ACK of the headers, which the client delays by up to 40 ms: every RPC
        // with a response of more than a few bytes took 40-80 ms on loopback. Set it unless the user chose.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Function<WireInput, byte[]>> methods = new ConcurrentHashMap<>();

    public RpcServer(String host, int port, int threads, String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot listen on " + host + ":" + port + " for the "
                    + name + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(name + "-rpc-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/rpc/", this::handle);
    }

    /** Serves {@code method}: the handler reads the request's fields and returns a full response body. */
    public void method(String method, Function<WireInput, byte[]> handler) {
        methods.put(method, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/rpc/".length());
            byte[] response;
            int status;
            try {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    throw FloeException.invalidArgument("RPC method '" + method + "' must be called with POST, not "
                            + exchange.getRequestMethod());
                }
                Function<WireInput, byte[]> handler = methods.get(method);
                if (handler == null) {
                    throw FloeException.invalidArgument("unknown RPC method '" + method + "'; known: "
                            + new java.util.TreeSet<>(methods.keySet()));
                }
                byte[] body = readBody(exchange);
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
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(status, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw FloeException.invalidArgument("malformed request: Content-Length '" + declared + "'");
            }
            if (length > MAX_REQUEST_BYTES) {
                throw FloeException.invalidArgument("request of " + length + " bytes exceeds the limit of "
                        + MAX_REQUEST_BYTES);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                throw FloeException.invalidArgument("request exceeds the limit of " + MAX_REQUEST_BYTES + " bytes");
            }
            return body;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
