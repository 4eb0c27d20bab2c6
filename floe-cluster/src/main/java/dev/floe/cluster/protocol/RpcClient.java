package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Calls RPC methods of one server ({@code host:port}) with bounded connect and request timeouts. Each call runs on
 * the caller's thread over a keep-alive connection taken from a small pool (one per concurrent caller), so a call
 * on an idle loopback costs one write and one blocking read.
 */
public final class RpcClient implements AutoCloseable {
    /** Idle connections kept for reuse; more concurrent callers than this open and close their own. */
    private static final int MAX_IDLE_CONNECTIONS = 8;

    private final HostPort address;
    private final int timeoutMillis;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public RpcClient(String address, Duration timeout) {
        this.address = HostPort.parse(address);
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    public String address() {
        return address.toString();
    }

    /** Sends {@code request} (built with {@link Rpc#request()}) and returns the reader of the response's fields. */
    public WireInput call(String method, WireOutput request) {
        return Rpc.openResponse(post(method, request.toByteArray()), method);
    }

    /**
     * Sends raw bytes as the body of {@code method}; returns the raw response body. A pooled connection the server
     * closed while it was idle fails before any answer: the call is sent again once, on a new connection.
     */
    public byte[] post(String method, byte[] body) {
        if (closed) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "the RPC client of " + address + " is closed");
        }
        String path = "/rpc/" + method;
        try {
            HttpConnection pooled = idle.pollFirst();
            if (pooled != null) {
                try {
                    return exchange(pooled, path, body);
                } catch (HttpConnection.ExchangeFailure e) {
                    if (!e.beforeAnswer || Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                }
            }
            return exchange(new HttpConnection(address, timeoutMillis), path, body);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new FloeException(ErrorCode.CANCELED, "interrupted while calling '" + method + "' on "
                        + address, e);
            }
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot reach " + address + " for '" + method + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** One exchange; the connection goes back to the pool if it can carry another, else it is closed. */
    private byte[] exchange(HttpConnection connection, String path, byte[] body) throws IOException {
        boolean keep = false;
        try {
            byte[] answer = connection.post(path, body);
            keep = connection.reusable() && !closed && idle.size() < MAX_IDLE_CONNECTIONS;
            return answer;
        } finally {
            if (keep) {
                idle.addFirst(connection);
            } else {
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (HttpConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }
}
