package dev.floe.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RpcServerTest {
    @Test
    void refusesWhatIsNotAPostToAMethodWithAClearErrorAndKeepsServing() throws Exception {
        try (RpcServer server = new RpcServer("127.0.0.1", 0, 1, "test")) {
            server.method("ping", in -> Rpc.okResponse().writeLong(7).toByteArray());
            server.start();
            assertThat(exchange(server, "GET /rpc/ping HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 400").contains("must be called with POST, not GET");
            assertThat(exchange(server, "POST /other HTTP/1.1\r\nContent-Length: 0\r\n\r\n"))
                    .startsWith("HTTP/1.1 400").contains("methods are served at /rpc/<method>");
            assertThat(exchange(server, "POST /rpc/ping HTTP/1.1\r\nContent-Length: 2\r\n\r\nxx"))
                    .startsWith("HTTP/1.1 400").contains("fewer than the 5-byte header");
            assertThat(exchange(server, "garbage\r\n\r\n")).startsWith("HTTP/1.1 400")
                    .contains("malformed HTTP request line 'garbage'");
            assertThat(exchange(server, "POST /rpc/ping HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
                    .startsWith("HTTP/1.1 400").contains("exceeds the limit");
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                assertThat(client.call("ping", Rpc.request()).readLong()).isEqualTo(7);
            }
        }
    }

    @Test
    void aLongCallHoldsOnlyItsOwnConnection() throws Exception {
        try (RpcServer server = new RpcServer("127.0.0.1", 0, 1, "test")) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            server.method("wait", in -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Rpc.okResponse().writeLong(1).toByteArray();
            });
            server.method("ping", in -> Rpc.okResponse().writeLong(2).toByteArray());
            server.start();
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                Thread waiting = Thread.ofPlatform().start(() -> client.call("wait", Rpc.request()));
                for (int call = 0; call < 3; call++) {
                    assertThat(client.call("ping", Rpc.request()).readLong()).isEqualTo(2);
                }
                release.countDown();
                waiting.join(10_000);
                assertThat(waiting.isAlive()).isFalse();
            }
        }
    }

    /** Sends raw bytes on a new connection and returns everything the server wrote until it closed or paused. */
    private static String exchange(RpcServer server, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
                            && !request.startsWith("garbage") && !request.contains("99999999999")
                            && complete(answer.toByteArray())) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // The server keeps the connection open for the next request: what came is the answer.
            }
            return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether a buffer holds a whole response: its head and the Content-Length bytes after it. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("Content-Length: (\\d+)").matcher(text);
        return end >= 0 && length.find() && bytes.length >= end + 4 + Integer.parseInt(length.group(1));
    }

    @Test
    void answersLargeRequestsAndResponsesWhole() {
        try (RpcServer server = new RpcServer("127.0.0.1", 0, 2, "test")) {
            server.method("reverse", in -> {
                byte[] body = in.readBytes();
                in.expectEnd();
                byte[] reversed = new byte[body.length];
                for (int i = 0; i < body.length; i++) {
                    reversed[i] = body[body.length - 1 - i];
                }
                return Rpc.okResponse().writeBytes(reversed).toByteArray();
            });
            server.start();
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                for (int size : new int[] {0, 100, 20_000, 300_000}) {
                    byte[] body = new byte[size];
                    for (int i = 0; i < size; i++) {
                        body[i] = (byte) (i * 31);
                    }
                    byte[] answer = client.call("reverse", Rpc.request().writeBytes(body)).readBytes();
                    assertThat(answer).hasSize(size);
                    byte[] back = new byte[size];
                    for (int i = 0; i < size; i++) {
                        back[i] = answer[size - 1 - i];
                    }
                    assertThat(Arrays.equals(back, body)).isTrue();
                }
                assertThatThrownBy(() -> client.call("missing", Rpc.request()))
                        .isInstanceOf(FloeException.class).hasMessageContaining("unknown RPC method 'missing'");
            }
        }
    }
}
