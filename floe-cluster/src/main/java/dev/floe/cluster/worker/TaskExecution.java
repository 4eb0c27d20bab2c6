package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.ShuffleInputFiles;
import dev.floe.cluster.protocol.HostPort;
import dev.floe.cluster.protocol.MissingOutput;
import dev.floe.cluster.protocol.ShuffleLocation;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskId;
import dev.floe.cluster.protocol.TaskInput;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcPartitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task on a worker: fetch the input partitions (files on this host read in place, other peers' over
 * Arrow Flight, several streams at once), run the task's runner while streaming its rows into the output files,
 * report.
 */
final class TaskExecution {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TaskExecution.class.getName());
    private final TaskAssignment assignment;
    private final ShuffleStore store;
    private final String selfAddress;
    private final ShuffleFlightClient fetcher;
    private final boolean sameHostReads;
    private final BuildSideCache buildSides;

    /**
     * {@code sameHostReads} off: only this worker's own files are read in place, every peer's comes over Flight.
     * {@code buildSides} is the worker's, shared by its tasks.
     */
    TaskExecution(TaskAssignment assignment, ShuffleStore store, String selfAddress, ShuffleFlightClient fetcher,
            boolean sameHostReads, BuildSideCache buildSides) {
        this.assignment = assignment;
        this.buildSides = buildSides;
        this.store = store;
        this.selfAddress = selfAddress;
        this.fetcher = fetcher;
        this.sameHostReads = sameHostReads;
    }

    TaskReport run() {
        TaskId task = assignment.task();
        long start = System.nanoTime();
        Path fetchDirectory = store.fetchDirectory(task.queryId(), task.stageId(), task.partition(), task.attempt());
        try {
            long[] bytesRead = {0};
            long[] bytesFetched = {0};
            long[] rowsRead = {0};
            Map<Integer, ShuffleInputFiles> inputs;
            List<MissingOutput> missing = new ArrayList<>();
            try {
                inputs = fetchInputs(bytesRead, bytesFetched, rowsRead, missing);
            } catch (FloeException e) {
                return TaskReport.missingInput(task, e.getMessage(), missing);
            }
            dev.floe.cluster.TimingTrace.log("task " + task + " fetched " + bytesRead[0]);
            TaskOutcome outcome;
            try (TaskRunner.Output output = Runners.find(assignment.runner()).run(new TaskRunner.Context(task,
                    assignment.payload(), inputs, fetchDirectory, buildSides))) {
                dev.floe.cluster.TimingTrace.log("task " + task + " planned");
                outcome = writeOutput(output);
            }
            dev.floe.cluster.TimingTrace.log("task " + task + " written " + outcome.bytesWritten());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return TaskReport.succeeded(task, new TaskMetrics(outcome.rowsIn() + rowsRead[0], outcome.rowsOut(),
                    outcome.bytesWritten(), bytesRead[0], bytesFetched[0], millis), outcome.resultFiles(),
                    outcome.sample());
        } catch (FloeException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                LOG.log(java.util.logging.Level.WARNING, "task " + task + " failed with an internal error", e);
            }
            return TaskReport.failed(task, false, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(java.util.logging.Level.WARNING, "task " + task + " failed with an unexpected error", e);
            return TaskReport.failed(task, false, "task failed on worker " + selfAddress + ": " + e);
        } finally {
            try {
                ShuffleStore.delete(fetchDirectory);
            } catch (FloeException ignored) {
                // Leftover fetched files go with the query's directory.
            }
        }
    }

    /** What writing a task's output gave: rows, shuffle bytes, result files and the range sample. */
    private record TaskOutcome(long rowsIn, long rowsOut, long bytesWritten, List<String> resultFiles,
            byte[] sample) {
    }

    /** Streams the runner's rows into the result file or the shuffle files of the stage's exchange. */
    private TaskOutcome writeOutput(TaskRunner.Output output) {
        TaskId task = assignment.task();
        if (assignment.output() instanceof Exchange.Result) {
            long[] rows = {0};
            Iterator<Batch> counted = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return output.hasNext();
                }

                @Override
                public Batch next() {
                    Batch batch = output.next();
                    rows[0] += batch.rowCount();
                    return batch;
                }
            };
            String file = ResultWriter.write(assignment.resultDirectory(), assignment.resultOptions(),
                    "part-" + task.partition() + "-attempt-" + task.attempt() + ".parquet", output.schema(), counted);
            return new TaskOutcome(output.rowsIn(), rows[0], 0, List.of(file), new byte[0]);
        }
        Path file = store.outputFile(task.queryId(), task.stageId(), task.partition());
        long written;
        long[] rows;
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(assignment.output(), output.schema(),
                file, IpcCompression.parse(assignment.compression()))) {
            while (output.hasNext()) {
                writer.write(output.next());
            }
            rows = writer.rows();
            written = writer.finish();
        }
        long rowsOut = 0;
        for (long count : rows) {
            rowsOut += count;
        }
        byte[] sample = assignment.output() instanceof Exchange.Forward forward
                ? RangeSampler.sampleFile(file, output.schema(), rowsOut, forward.sampleKeys())
                : new byte[0];
        return new TaskOutcome(output.rowsIn(), rowsOut, written, List.of(), sample);
    }

    /** One input file being streamed from a peer: whose output it is, and the stream's outcome. */
    private record RemoteFetch(MissingOutput source, Future<ShuffleFlightClient.Fetched> future) {
    }

    /**
     * Lists or fetches every input file; when a peer answers that it has no such file, that output is added to
     * {@code missing} (the coordinator recomputes it) before the failure is thrown. {@code bytesFetched} counts
     * the bytes streamed over Flight, {@code bytesRead} all input bytes.
     */
    private Map<Integer, ShuffleInputFiles> fetchInputs(long[] bytesRead, long[] bytesFetched, long[] rowsRead,
            List<MissingOutput> missing) {
        Map<Integer, ShuffleInputFiles> inputs = new LinkedHashMap<>();
        List<RemoteFetch> remote = new ArrayList<>();
        try (ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteFetch current = null;
            try {
                fetchAll(streams, inputs, remote, bytesRead, rowsRead);
                for (RemoteFetch fetch : remote) {
                    current = fetch;
                    ShuffleFlightClient.Fetched fetched = await(fetch.future());
                    bytesRead[0] += fetched.bytes();
                    bytesFetched[0] += fetched.bytes();
                    rowsRead[0] += fetched.rows();
                }
            } catch (RuntimeException e) {
                if (current != null && ShuffleFlightClient.isNotFound(e)) {
                    missing.add(current.source());
                }
                remote.forEach(fetch -> fetch.future().cancel(true));
                throw e;
            }
        }
        return inputs;
    }

    /**
     * Lists the input files on this host in place (this worker's own, and, with same-host reads on, a peer's on
     * the same host whose work directory the coordinator passed on); starts a Flight stream for every other.
     */
    private void fetchAll(ExecutorService streams, Map<Integer, ShuffleInputFiles> inputs,
            List<RemoteFetch> remote, long[] bytesRead, long[] rowsRead) {
        long query = assignment.task().queryId();
        Path directory = store.fetchDirectory(query, assignment.task().stageId(), assignment.task().partition(),
                assignment.task().attempt());
        for (TaskInput input : assignment.inputs()) {
            List<Path> files = new ArrayList<>();
            for (ShuffleLocation location : input.locations()) {
                Path local = sameHostFile(location, query, input);
                if (local != null && Files.exists(local)) {
                    // complete: a map output appears under its name only when written
                    IpcPartitions.PartitionSize size = IpcPartitions.size(local.toString(), input.reducePartition());
                    rowsRead[0] += size.rows();
                    bytesRead[0] += size.bytes();
                    files.add(local);
                    continue;
                }
                Path target = directory.resolve("s" + input.stageId() + "-m" + location.mapPartition() + "-r"
                        + input.reducePartition() + ".arrow");
                ShuffleTicket ticket = new ShuffleTicket(query, input.stageId(), location.mapPartition(),
                        input.reducePartition());
                remote.add(new RemoteFetch(new MissingOutput(input.stageId(), location.mapPartition(),
                        location.address()), streams.submit(() -> fetcher.fetch(location.address(), ticket, target))));
                files.add(target);
            }
            ShuffleInputFiles previous = inputs.get(input.stageId());
            if (previous != null) {
                if (previous.partition() != input.reducePartition()) {
                    throw FloeException.internal("stage " + input.stageId() + " is read as partitions "
                            + previous.partition() + " and " + input.reducePartition() + " by one task");
                }
                files.addAll(0, previous.files());
            }
            inputs.put(input.stageId(), new ShuffleInputFiles(input.reducePartition(), files));
        }
    }

    /** The input file as this host sees it when its worker runs here, else {@code null}. */
    private Path sameHostFile(ShuffleLocation location, long query, TaskInput input) {
        boolean self = location.address().equals(selfAddress);
        if (!self && (!sameHostReads || location.directory().isEmpty()
                || !sameHost(location.address(), selfAddress))) {
            return null;
        }
        return ShuffleStore.outputFile(root(location), query, input.stageId(), location.mapPartition());
    }

    private Path root(ShuffleLocation location) {
        return location.address().equals(selfAddress) ? store.root() : Path.of(location.directory());
    }

    private static boolean sameHost(String address, String other) {
        return HostPort.parse(address).host().equals(HostPort.parse(other).host());
    }

    private static ShuffleFlightClient.Fetched await(Future<ShuffleFlightClient.Fetched> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while fetching shuffle input", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FloeException floe) {
                throw floe;
            }
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot fetch shuffle input: " + e.getCause(), e);
        }
    }
}
