package dev.floe.bench.cluster;

import com.sun.management.OperatingSystemMXBean;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.RpcClient;
import dev.floe.cluster.protocol.RpcServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures the cluster's RPC path in one JVM: an {@link RpcServer} and an {@link RpcClient} on loopback, one caller
 * sending a task-report-sized request and getting a poll-answer-sized response; prints the latency percentiles and
 * the process CPU per call. Arguments: calls (default 3000), warm-up calls (default 3000).
 */
public final class RpcRoundTrip {
    private static final int REQUEST_BYTES = 500;
    private static final int RESPONSE_BYTES = 300;

    private RpcRoundTrip() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (RpcServer server = new RpcServer("127.0.0.1", 0, 4, "bench")) {
            server.method("echo", in -> Rpc.okResponse().writeBytes(new byte[RESPONSE_BYTES]).toByteArray());
            server.start();
            try (RpcClient client = new RpcClient("127.0.0.1:" + server.port(), Duration.ofSeconds(10))) {
                byte[] body = new byte[REQUEST_BYTES];
                for (int i = 0; i < warmup; i++) {
                    client.call("echo", Rpc.request().writeBytes(body));
                }
                long[] nanos = new long[calls];
                long cpuBefore = system.getProcessCpuTime();
                for (int i = 0; i < calls; i++) {
                    long start = System.nanoTime();
                    client.call("echo", Rpc.request().writeBytes(body));
                    nanos[i] = System.nanoTime() - start;
                }
                long cpu = system.getProcessCpuTime() - cpuBefore;
                Arrays.sort(nanos);
                System.out.printf("%d calls: median %d us, p90 %d us, p99 %d us, process CPU per call %d us%n", calls,
                        nanos[calls / 2] / 1000, nanos[calls * 9 / 10] / 1000, nanos[calls * 99 / 100] / 1000,
                        cpu / calls / 1000);
            }
        }
    }
}
