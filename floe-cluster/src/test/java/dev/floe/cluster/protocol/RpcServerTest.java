package dev.floe.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RpcServerTest {
    @Test
    void switchesNagleOffForTheJdkServerUnlessTheUserChose() {
        try (RpcServer server = new RpcServer("127.0.0.1", 0, 1, "test")) {
            assertThat(server.port()).isPositive();
            assertThat(System.getProperty(RpcServer.NO_DELAY_PROPERTY)).isEqualTo("true");
        }
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
