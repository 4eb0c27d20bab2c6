package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcPartitions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * A worker's shuffle data plane: an Arrow Flight server whose {@code getStream(ticket)} streams the record
 * batches of one shuffle file ({@link ShuffleTicket}) read from the worker's {@link ShuffleStore}. A ticket
 * naming no file is a NOT_FOUND error, a malformed one INVALID_ARGUMENT.
 */
final class ShuffleFlightServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ShuffleFlightServer.class.getName());
    /** How long a stream waits for a slow reader before giving up. */
    private static final long READER_WAIT_MILLIS = 30_000;

    private final BufferAllocator allocator;
    private final FlightServer server;
    private final String host;

    ShuffleFlightServer(String host, int port, ShuffleStore store) {
        this.host = host;
        this.allocator = newAllocator();
        this.server = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), new Producer(store, this))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot start the shuffle Flight server on " + host + ":"
                    + port + ": " + e.getMessage(), e);
        }
    }

    /** Arrow's root allocator; without the JVM flags Arrow's Netty memory needs it fails with a clear error. */
    static BufferAllocator newAllocator() {
        try {
            return new RootAllocator();
        } catch (LinkageError e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot allocate Arrow memory (" + e
                    + "); start the JVM with floe.jvmFlags from .mvn/maven.config: --add-opens=java.base/java.nio="
                    + "ALL-UNNAMED --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED", e);
        }
    }

    /** The {@code host:port} peers fetch shuffle data from. */
    String address() {
        return host + ":" + server.getPort();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            if (!server.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                server.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "shuffle server stop", e);
        }
        try {
            allocator.close();
        } catch (RuntimeException e) {
            // Streams still open at shutdown keep some buffers; the process is going away.
            LOG.log(Level.FINE, "shuffle server allocator", e);
        }
    }

    /**
     * Waits until the reader can take another batch (gRPC flow control). The ready callback would run on the
     * call's own executor, which this producer holds while it streams, so readiness is polled with short parks.
     * Returns false when the reader went away (canceled or timed out, after telling it so).
     */
    private static boolean awaitReady(FlightProducer.ServerStreamListener listener, ShuffleTicket shuffle) {
        long deadline = System.nanoTime() + READER_WAIT_MILLIS * 1_000_000;
        long parkNanos = 20_000;
        while (!listener.isReady()) {
            if (listener.isCancelled()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                listener.error(CallStatus.TIMED_OUT.withDescription("the reader of shuffle output " + shuffle
                        + " stopped reading").toRuntimeException());
                return false;
            }
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(2_000_000, parkNanos * 2);
        }
        return true;
    }

    private static final class Producer extends NoOpFlightProducer {
        private final ShuffleStore store;
        private final ShuffleFlightServer owner;

        Producer(ShuffleStore store, ShuffleFlightServer owner) {
            this.store = store;
            this.owner = owner;
        }

        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
            ShuffleTicket shuffle;
            try {
                shuffle = ShuffleTicket.parse(ticket.getBytes());
            } catch (FloeException e) {
                listener.error(CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException());
                return;
            }
            Path file = store.outputFile(shuffle.query(), shuffle.stage(), shuffle.map());
            if (!Files.isRegularFile(file)) {
                listener.error(CallStatus.NOT_FOUND.withDescription("no shuffle output " + shuffle + " on worker "
                        + owner.address()).toRuntimeException());
                return;
            }
            try (BufferAllocator streamAllocator = owner.allocator.newChildAllocator("shuffle " + shuffle, 0,
                    Long.MAX_VALUE);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    ArrowFileReader reader = new ArrowFileReader(channel, streamAllocator, IpcCompression.codecs())) {
                listener.start(reader.getVectorSchemaRoot());
                List<ArrowBlock> blocks = reader.getRecordBlocks();
                int[] partitions = IpcPartitions.of(reader.getMetaData(), blocks.size(), file.toString());
                if (partitions == null) {
                    throw new IOException("the shuffle file has no partition map");
                }
                for (int i = 0; i < blocks.size(); i++) {
                    if (partitions[i] != shuffle.reduce()) {
                        continue;
                    }
                    if (!reader.loadRecordBatch(blocks.get(i))) {
                        throw new IOException("record batch " + i + " cannot be read");
                    }
                    if (!awaitReady(listener, shuffle)) {
                        return;
                    }
                    listener.putNext();
                }
                listener.completed();
            } catch (IOException | RuntimeException e) {
                listener.error(CallStatus.INTERNAL.withDescription("cannot read shuffle output " + shuffle + " on "
                        + owner.address() + ": " + e).withCause(e).toRuntimeException());
            }
        }
    }
}
