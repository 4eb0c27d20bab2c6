package dev.floe.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.ShuffleCompression;
import dev.floe.cluster.plan.Exchange;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
    @Test
    void assignmentsRoundTrip() {
        TaskAssignment assignment = new TaskAssignment(new TaskId(7, 2, 3, 1), "engine", new byte[] {1, 2, 3},
                new Exchange.Hash(List.of("a", "b"), 6), List.of(new TaskInput(1, 3, List.of(
                        new ShuffleLocation("127.0.0.1:5000", 0),
                        new ShuffleLocation("127.0.0.1:5001", 1, "/tmp/worker-1")))),
                "zstd", "/tmp/results/query-7");
        WireOutput out = new WireOutput();
        assignment.write(out);
        TaskAssignment read = TaskAssignment.read(new WireInput(out.toByteArray(), "test"));

        assertThat(read.task()).isEqualTo(assignment.task());
        assertThat(read.payload()).containsExactly(1, 2, 3);
        assertThat(read.output()).isEqualTo(assignment.output());
        assertThat(read.inputs()).isEqualTo(assignment.inputs());
        assertThat(read.resultDirectory()).isEqualTo("/tmp/results/query-7");
    }

    @Test
    void resultLocationsAndTheirStorageOptionsRoundTrip() {
        java.util.Map<String, String> options = java.util.Map.of("aws_endpoint_url", "http://127.0.0.1:9000",
                "aws_secret_access_key", "the-secret");
        TaskAssignment assignment = new TaskAssignment(new TaskId(7, 2, 3, 1), "engine", new byte[0],
                new Exchange.Result(), List.of(), "lz4", "s3://bucket/results/q", options);
        WireOutput out = new WireOutput();
        assignment.write(out);
        TaskAssignment read = TaskAssignment.read(new WireInput(out.toByteArray(), "test"));
        assertThat(read.resultDirectory()).isEqualTo("s3://bucket/results/q");
        assertThat(read.resultOptions()).isEqualTo(options);
        assertThat(read.toString()).doesNotContain("the-secret");

        dev.floe.cluster.ResultLocation location = new dev.floe.cluster.ResultLocation("s3://bucket/results/q/",
                options);
        ClientMessages.Submit submit = new ClientMessages.Submit(ClientMessages.DSL, new byte[] {1}, List.of(),
                DistributedOptions.defaults(), location);
        ClientMessages.Submit back = ClientMessages.Submit.read(Rpc.openRequest(submit.write().toByteArray(), "s"));
        assertThat(back.resultLocation()).isEqualTo(location);
        assertThat(back.resultLocation().directory()).isEqualTo("s3://bucket/results/q");
        assertThat(back.resultLocation().toString()).doesNotContain("the-secret");
        assertThat(back.plan()).containsExactly(1);
    }

    @Test
    void submissionsRoundTripWithTheirOptions() {
        DistributedOptions options = new DistributedOptions(1024, false, 3, ShuffleCompression.ZSTD, 4);
        ClientMessages.Submit submit = new ClientMessages.Submit(ClientMessages.JOB, new byte[0], List.of(
                new JobStage(0, 2, List.of(), new Exchange.Broadcast(), "r", List.of(new byte[] {9})),
                new JobStage(1, 1, List.of(0), new Exchange.Result(), "r", List.of(new byte[0]))), options);
        ClientMessages.Submit read = ClientMessages.Submit.read(Rpc.openRequest(submit.write().toByteArray(), "submit"));

        assertThat(read.options()).isEqualTo(options);
        assertThat(read.stages()).hasSize(2);
        assertThat(read.stages().get(1).inputs()).containsExactly(0);
        assertThat(read.stages().get(0).output()).isEqualTo(new Exchange.Broadcast());
    }

    @Test
    void dslSubmissionsCarryThePlanBytesAndUnknownKindsAreRefused() {
        for (int kind : List.of(ClientMessages.DSL, ClientMessages.DSL_SINGLE_NODE)) {
            ClientMessages.Submit submit = new ClientMessages.Submit(kind, new byte[] {4, 5, 6}, List.of(),
                    DistributedOptions.defaults());
            ClientMessages.Submit read = ClientMessages.Submit.read(Rpc.openRequest(submit.write().toByteArray(),
                    "submit"));
            assertThat(read.kind()).isEqualTo(kind);
            assertThat(read.plan()).containsExactly(4, 5, 6);
        }
        byte[] unknown = new ClientMessages.Submit(9, new byte[0], List.of(), DistributedOptions.defaults()).write()
                .toByteArray();
        assertThatThrownBy(() -> ClientMessages.Submit.read(Rpc.openRequest(unknown, "submit")))
                .isInstanceOf(FloeException.class).hasMessageContaining("unknown submission kind 9")
                .hasMessageContaining("3 = DSL plan");
    }

    @Test
    void truncatedLyingAndForeignMessagesAreClearErrors() {
        assertThatThrownBy(() -> Rpc.openRequest(new byte[] {1}, "poll")).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("5-byte header");
        assertThatThrownBy(() -> Rpc.openRequest("GET / HTTP".getBytes(), "poll"))
                .hasMessageContaining("does not start with the Floe RPC magic");
        assertThatThrownBy(() -> Rpc.openRequest(new WireOutput().writeInt(Rpc.MAGIC).writeByte(9).toByteArray(), "poll"))
                .hasMessageContaining("protocol version 9 is not supported");
        assertThatThrownBy(() -> new WireInput(new WireOutput().writeInt(1 << 30).toByteArray(), "x").readBytes())
                .hasMessageContaining("claims 1073741824 bytes");
        assertThatThrownBy(() -> new WireInput(new WireOutput().writeInt(5).toByteArray(), "x").readCount(8))
                .hasMessageContaining("claims 5 items");
        assertThatThrownBy(() -> ExchangeWire.read(new WireInput(new byte[] {42}, "x")))
                .hasMessageContaining("unknown exchange kind 42");
        assertThatThrownBy(() -> ExchangeWire.read(new WireInput(new WireOutput().writeByte(1).writeInt(0)
                .toByteArray(), "x"))).hasMessageContaining("malformed");
        assertThatThrownBy(() -> WorkerMessages.Register.read(new WireInput(new WireOutput().writeString("nohost")
                .writeInt(1).writeString("/tmp/w").toByteArray(), "x"))).hasMessageContaining("not HOST:PORT");
    }

    @Test
    void rangeExchangesTravelWithTheirBoundsAndReportsWithTheirSamples() {
        List<dev.floe.cluster.plan.RangeKey> keys = List.of(new dev.floe.cluster.plan.RangeKey("k", true, false));
        dev.floe.core.types.Schema schema = dev.floe.core.types.Schema.of(dev.floe.core.types.Field.of("k",
                dev.floe.core.types.DataType.INT64));
        dev.floe.core.vector.Batch bounds = new dev.floe.core.vector.Batch(schema, List.of(
                dev.floe.core.vector.Vectors.fromObjects(dev.floe.core.types.DataType.INT64, List.of(9L, 4L))));
        for (Exchange exchange : List.of(new Exchange.Forward(keys), new Exchange.Range(keys, 3, null),
                new Exchange.Range(keys, 3, bounds))) {
            WireOutput out = new WireOutput();
            ExchangeWire.write(exchange, out);
            Exchange read = ExchangeWire.read(new WireInput(out.toByteArray(), "test"));
            if (exchange instanceof Exchange.Range range && range.bounds() != null) {
                Exchange.Range readRange = (Exchange.Range) read;
                assertThat(readRange.keys()).isEqualTo(keys);
                assertThat(readRange.bounds().column(0).getObject(1)).isEqualTo(4L);
            } else {
                assertThat(read).isEqualTo(exchange);
            }
        }
        TaskReport report = TaskReport.succeeded(new TaskId(1, 2, 3, 0), TaskMetrics.NONE, List.of(),
                new byte[] {5, 6});
        WireOutput out = new WireOutput();
        report.write(out);
        assertThat(TaskReport.read(new WireInput(out.toByteArray(), "test")).sample()).containsExactly(5, 6);
        TaskReport missing = TaskReport.missingInput(new TaskId(1, 3, 0, 2), "gone",
                List.of(new MissingOutput(2, 4, "127.0.0.1:5000")));
        WireOutput missingOut = new WireOutput();
        missing.write(missingOut);
        TaskReport readMissing = TaskReport.read(new WireInput(missingOut.toByteArray(), "test"));
        assertThat(readMissing.fetchFailure()).isTrue();
        assertThat(readMissing.missing()).containsExactly(new MissingOutput(2, 4, "127.0.0.1:5000"));
    }
}
