package dev.floe.cluster.worker;

import dev.floe.cluster.protocol.HostPort;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ipc.IpcPartitions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * Fetches shuffle files from peers' {@link ShuffleFlightServer}s into local Arrow IPC files, with one Flight
 * client per peer and at most {@code maxStreams} streams open at a time across all the worker's tasks. Any
 * failure (a missing ticket, a dead peer) is a CLUSTER_ERROR {@link FloeException}.
 */
public final class ShuffleFlightClient implements AutoCloseable {
    /** What one fetch brought: rows and bytes of the local file. */
    public record Fetched(long rows, long bytes) {
    }

    private final BufferAllocator allocator = ShuffleFlightServer.newAllocator();
    private final Map<String, FlightClient> clients = new ConcurrentHashMap<>();
    private final Semaphore streams;

    public ShuffleFlightClient(int maxStreams) {
        if (maxStreams < 1) {
            throw FloeException.invalidArgument("at least one shuffle stream is needed, got " + maxStreams);
        }
        this.streams = new Semaphore(maxStreams);
    }

    /** Streams the shuffle file {@code ticket} from the worker at {@code address} into {@code target} (replaced). */
    public Fetched fetch(String address, ShuffleTicket ticket, Path target) {
        try {
            streams.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while waiting to fetch shuffle output " + ticket);
        }
        try (FlightStream stream = client(address).getStream(new Ticket(ticket.toBytes()))) {
            VectorSchemaRoot root = stream.getRoot();
            long rows = 0;
            Files.createDirectories(target.getParent());
            // the footer names the partition of every batch, like the map output's file (read by Arrow at end())
            Map<String, String> footer = new HashMap<>();
            int batches = 0;
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel, footer, IpcOption.DEFAULT,
                            NoCompressionCodec.Factory.INSTANCE, CompressionUtil.CodecType.NO_COMPRESSION)) {
                writer.start();
                while (stream.next()) {
                    rows += root.getRowCount();
                    writer.writeBatch();
                    batches++;
                }
                footer.put(IpcPartitions.FOOTER_KEY, IpcPartitions.uniform(ticket.reduce(), batches));
                writer.end();
            }
            return new Fetched(rows, Files.size(target));
        } catch (FlightRuntimeException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot fetch shuffle output " + ticket + " from "
                    + address + ": " + e.status().code() + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot fetch shuffle output " + ticket + " from "
                    + address + " into " + target + ": " + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof FloeException floe) {
                throw floe;
            }
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot fetch shuffle output " + ticket + " from "
                    + address + ": " + e, e);
        } finally {
            streams.release();
        }
    }

    /** Whether {@code error} (thrown by {@link #fetch}) says the peer has no such shuffle file. */
    public static boolean isNotFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlightRuntimeException flight) {
                return flight.status().code() == org.apache.arrow.flight.FlightStatusCode.NOT_FOUND;
            }
        }
        return false;
    }

    private FlightClient client(String address) {
        return clients.computeIfAbsent(address, a -> {
            HostPort hostPort = HostPort.parse(a);
            return FlightClient.builder(allocator, Location.forGrpcInsecure(hostPort.host(), hostPort.port())).build();
        });
    }

    @Override
    public void close() {
        for (FlightClient client : clients.values()) {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Closing anyway.
            }
        }
        clients.clear();
        try {
            allocator.close();
        } catch (RuntimeException e) {
            // Buffers of interrupted streams; the process is going away.
        }
    }
}
