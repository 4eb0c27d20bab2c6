package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.cluster.testing.IpcFiles;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.ipc.IpcCompression;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Shuffle files written by one worker's store, streamed over Arrow Flight to a client in the same JVM. */
class ShuffleFlightTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("name", DataType.STRING),
            Field.of("price", DataType.FLOAT64));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(IpcCompression.class)
    void everyPartitionArrivesWithItsRowsWhateverTheCompression(IpcCompression compression) {
        ShuffleStore store = new ShuffleStore(directory.resolve("producer"));
        int partitions = 4;
        Exchange.Hash hash = new Exchange.Hash(List.of("k"), partitions);
        List<Batch> batches = List.of(batch(0, 3000), batch(3000, 1000), batch(4000, 1));
        List<List<Batch>> parts = ShuffleWriter.partition(hash, SCHEMA, batches);
        write(store.outputFile(7, 2, 1), hash, batches, compression);
        try (ShuffleFlightServer server = new ShuffleFlightServer("127.0.0.1", 0, store);
                ShuffleFlightClient client = new ShuffleFlightClient(2)) {
            long total = 0;
            for (int reduce = 0; reduce < partitions; reduce++) {
                Path target = directory.resolve("fetched").resolve("r" + reduce + ".arrow");
                ShuffleFlightClient.Fetched fetched = client.fetch(server.address(), new ShuffleTicket(7, 2, 1, reduce),
                        target);
                List<List<Object>> expected = BatchRows.inOrder(parts.get(reduce));
                assertThat(fetched.rows()).isEqualTo(expected.size());
                assertThat(fetched.bytes()).isPositive();
                assertThat(BatchRows.inOrder(IpcFiles.read(target))).isEqualTo(expected);
                assertThat(BatchRows.inOrder(IpcFiles.read(target, reduce))).as("the fetched file is partition "
                        + reduce + " of a partitioned file").isEqualTo(expected);
                total += fetched.rows();
            }
            assertThat(total).isEqualTo(4001);
        }
    }

    @Test
    void aPartitionFarLargerThanTheFlowControlWindowStreamsCompletely() {
        ShuffleStore store = new ShuffleStore(directory.resolve("producer"));
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            batches.add(batch(b * 40_000, 40_000));
        }
        write(store.outputFile(2, 1, 0), new Exchange.Gather(), batches, IpcCompression.LZ4);
        try (ShuffleFlightServer server = new ShuffleFlightServer("127.0.0.1", 0, store);
                ShuffleFlightClient client = new ShuffleFlightClient(2)) {
            Path target = directory.resolve("large.arrow");
            ShuffleFlightClient.Fetched fetched = client.fetch(server.address(), new ShuffleTicket(2, 1, 0, 0), target);
            assertThat(fetched.rows()).isEqualTo(480_000);
            assertThat(fetched.bytes()).isGreaterThan(10L << 20);
            assertThat(BatchRows.inOrder(IpcFiles.read(target))).isEqualTo(BatchRows.inOrder(batches));
        }
    }

    @Test
    void anEmptyPartitionArrivesAsAnEmptyFileWithItsSchema() {
        ShuffleStore store = new ShuffleStore(directory.resolve("producer"));
        write(store.outputFile(1, 0, 0), new Exchange.Hash(List.of("k"), 3), List.of(), IpcCompression.LZ4);
        try (ShuffleFlightServer server = new ShuffleFlightServer("127.0.0.1", 0, store);
                ShuffleFlightClient client = new ShuffleFlightClient(1)) {
            Path target = directory.resolve("empty.arrow");
            assertThat(client.fetch(server.address(), new ShuffleTicket(1, 0, 0, 2), target).rows()).isZero();
            assertThat(IpcFiles.read(target)).isEmpty();
            assertThat(dev.floe.io.ipc.IpcTableSource.readSchema(target.toString())).isEqualTo(SCHEMA);
        }
    }

    @Test
    void aMissingTicketOrADeadPeerIsAClusterError() {
        ShuffleStore store = new ShuffleStore(directory.resolve("producer"));
        String address;
        try (ShuffleFlightServer server = new ShuffleFlightServer("127.0.0.1", 0, store);
                ShuffleFlightClient client = new ShuffleFlightClient(1)) {
            address = server.address();
            assertThatThrownBy(() -> client.fetch(server.address(), new ShuffleTicket(3, 1, 0, 5),
                    directory.resolve("missing.arrow")))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_ERROR))
                    .hasMessageContaining("NOT_FOUND").hasMessageContaining("no shuffle output 3/1/0/5");
        }
        try (ShuffleFlightClient client = new ShuffleFlightClient(1)) {
            assertThatThrownBy(() -> client.fetch(address, new ShuffleTicket(3, 1, 0, 5),
                    directory.resolve("dead.arrow")))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_ERROR))
                    .hasMessageContaining("UNAVAILABLE").hasMessageContaining(address);
        }
    }

    @Test
    void aMalformedTicketIsRefusedWithTheExpectedForm() throws Exception {
        ShuffleStore store = new ShuffleStore(directory.resolve("producer"));
        try (ShuffleFlightServer server = new ShuffleFlightServer("127.0.0.1", 0, store);
                BufferAllocator allocator = new RootAllocator();
                FlightClient raw = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1",
                        Integer.parseInt(server.address().substring(server.address().indexOf(':') + 1)))).build()) {
            for (String ticket : List.of("not/a/ticket", "1/x/0/0", "-1/0/0/0")) {
                assertThatThrownBy(() -> {
                    try (FlightStream stream = raw.getStream(new Ticket(ticket.getBytes(StandardCharsets.UTF_8)))) {
                        stream.next();
                    }
                }).isInstanceOfSatisfying(FlightRuntimeException.class, e -> assertThat(e.status().code())
                        .isEqualTo(FlightStatusCode.INVALID_ARGUMENT))
                        .hasMessageContaining("shuffle ticket");
            }
        }
    }

    @Test
    void ticketsRoundTripAndRejectGarbage() {
        ShuffleTicket ticket = new ShuffleTicket(12, 3, 4, 5);
        assertThat(ShuffleTicket.parse(ticket.toBytes())).isEqualTo(ticket);
        assertThatThrownBy(() -> ShuffleTicket.parse("1/2/3".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("QUERY/STAGE/MAP/REDUCE");
    }

    /** Writes a map task's output as a worker does: one partitioned file. */
    private static void write(Path file, Exchange exchange, List<Batch> batches, IpcCompression compression) {
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(exchange, SCHEMA, file, compression)) {
            batches.forEach(writer::write);
            writer.finish();
        }
    }

    private static Batch batch(int first, int rows) {
        List<Long> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        for (int i = first; i < first + rows; i++) {
            keys.add((long) i % 97);
            names.add(i % 5 == 0 ? null : "name-" + i);
            prices.add(i * 0.25);
        }
        return new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, keys),
                Vectors.fromObjects(DataType.STRING, names), Vectors.fromObjects(DataType.FLOAT64, prices)));
    }
}
