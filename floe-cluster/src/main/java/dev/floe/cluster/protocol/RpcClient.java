package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls RPC methods of one server ({@code host:port}) with bounded connect and request timeouts. */
public final class RpcClient implements AutoCloseable {
    private final String address;
    private final HttpClient http;
    private final Duration timeout;

    public RpcClient(String address, Duration timeout) {
        this.address = HostPort.parse(address).toString();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public String address() {
        return address;
    }

    /** Sends {@code request} (built with {@link Rpc#request()}) and returns the reader of the response's fields. */
    public WireInput call(String method, WireOutput request) {
        return Rpc.openResponse(post(method, request.toByteArray()), method);
    }

    /** Sends raw bytes as the body of {@code method}; returns the raw response body. */
    public byte[] post(String method, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/rpc/" + method))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot reach " + address + " for '" + method + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while calling '" + method + "' on " + address, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
