package dev.floe.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RpcClientTest {
    @Test
    void reusesOneConnectionForSequentialCalls() throws Exception {
        try (RawServer server = new RawServer(false, false)) {
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                for (int call = 0; call < 5; call++) {
                    assertThat(client.call("echo", Rpc.request().writeLong(call)).readLong()).isEqualTo(call);
                }
            }
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.requests.get()).isEqualTo(5);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerClosedTheIdleOne() throws Exception {
        try (RawServer server = new RawServer(true, false)) {
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                for (int call = 0; call < 3; call++) {
                    assertThat(client.call("echo", Rpc.request().writeLong(call)).readLong()).isEqualTo(call);
                }
            }
            assertThat(server.requests.get()).isEqualTo(3);
            assertThat(server.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void readsChunkedResponses() throws Exception {
        try (RawServer server = new RawServer(false, true);
                RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
            assertThat(client.call("echo", Rpc.request().writeLong(42)).readLong()).isEqualTo(42);
            assertThat(client.call("echo", Rpc.request().writeLong(43)).readLong()).isEqualTo(43);
        }
    }

    @Test
    void aServerThatIsNotThereIsAClusterError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (RpcClient client = new RpcClient("127.0.0.1:" + port, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> client.call("echo", Rpc.request()))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_ERROR))
                    .hasMessageContaining("cannot reach 127.0.0.1:" + port);
        }
    }

    /**
     * A minimal HTTP/1.1 server on a socket, one connection at a time: answers each request with status 0 and the
     * request's fields, by Content-Length or in two chunks, and optionally closes the connection after each answer
     * without saying so (as a server dropping an idle keep-alive connection).
     */
    private static final class RawServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(boolean closeAfterEach, boolean chunked) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                        serve(connection, closeAfterEach, chunked);
                    } catch (IOException e) {
                        // Accept ends when the test closes the server; a connection ends when the client closes it.
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Socket connection, boolean closeAfterEach, boolean chunked) throws IOException {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                int length = -1;
                for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (length < 0) {
                    return;
                }
                requests.incrementAndGet();
                byte[] body = in.readNBytes(length);
                byte[] answer = new byte[body.length - 4];
                System.arraycopy(body, 5, answer, 1, body.length - 5);
                if (chunked) {
                    int half = answer.length / 2;
                    out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half)
                            + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(answer, 0, half);
                    out.write(("\r\n" + Integer.toHexString(answer.length - half) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(answer, half, answer.length - half);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + answer.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(answer);
                }
                out.flush();
                if (closeAfterEach) {
                    return;
                }
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    return line.toString().strip();
                }
                line.append((char) b);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
