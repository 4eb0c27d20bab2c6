package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
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

    /** A GET of raw bytes (shuffle data) as a stream; the caller closes it. */
    public InputStream get(String path) {
        return fetch(path).body();
    }

    /** A GET of raw bytes with the response headers; the caller closes the body. */
    public HttpResponse<InputStream> fetch(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(timeout).GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                try (InputStream body = response.body()) {
                    throw new FloeException(ErrorCode.CLUSTER_ERROR, "GET " + path + " on " + address + " failed: "
                            + new String(body.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return response;
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot fetch " + path + " from " + address + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while fetching " + path, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
