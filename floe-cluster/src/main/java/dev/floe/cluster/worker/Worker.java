package dev.floe.cluster.worker;

import dev.floe.cluster.protocol.HostPort;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.RpcClient;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.cluster.protocol.WorkerMessages;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A worker process: serves its shuffle files over Arrow Flight, registers with the coordinator (announcing the
 * Flight server's address), then polls it (the poll is the heartbeat) to report finished tasks and take new
 * ones, running up to {@code slots} tasks at a time.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    /** Shuffle streams a worker reads at a time, over all its tasks. */
    static final int MAX_FETCH_STREAMS = 4;

    /**
     * How a worker is set up. With {@code sameHostReads} off the worker neither advertises its work directory nor
     * reads a peer's files in place: every peer's shuffle output comes over Arrow Flight, as between hosts.
     */
    public record Config(String coordinator, String host, int port, int slots, Path directory,
            int registrationAttempts, long coordinatorSilenceMillis, boolean sameHostReads) {
    }

    private final Config config;
    private final ShuffleFlightServer server;
    private final ShuffleFlightClient fetcher;
    private final RpcClient coordinator;
    private final ShuffleStore store;
    private final BuildSideCache buildSides = BuildSideCache.forHeap();
    private final ExecutorService tasks;
    private final AtomicInteger running = new AtomicInteger();
    private final LinkedBlockingQueue<TaskReport> finished = new LinkedBlockingQueue<>();
    /** Released when a task ends, to wake the polling loop waiting for a free slot. */
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private final Map<dev.floe.cluster.protocol.TaskId, Thread> runningThreads = new ConcurrentHashMap<>();
    /**
     * Guards interrupting a task's thread against the task ending at the same moment: a task leaves
     * {@link #runningThreads} and clears its interrupt flag under this lock, so an interrupt meant for an ended
     * query can never reach the thread afterwards (where it would abort the task's own report, or the next task
     * the pool thread runs).
     */
    private final Object interrupts = new Object();
    private final String address;
    private volatile boolean stopped;
    private long workerId;
    private long pollMillis = 100;

    public Worker(Config config) {
        this.config = config;
        HostPort.parse(config.coordinator());
        if (config.slots() < 1) {
            throw FloeException.invalidArgument("a worker needs at least one slot (--cpus), got " + config.slots());
        }
        this.store = new ShuffleStore(config.directory());
        this.server = new ShuffleFlightServer(config.host(), config.port(), store);
        this.fetcher = new ShuffleFlightClient(MAX_FETCH_STREAMS);
        this.address = server.address();
        this.coordinator = new RpcClient(config.coordinator(), Duration.ofSeconds(10));
        this.tasks = Executors.newFixedThreadPool(config.slots(), Thread.ofPlatform().daemon().name("task-", 0)
                .factory());
    }

    public String address() {
        return address;
    }

    /** Registers, retrying a bounded number of times; fails with a clear error if the coordinator never answers. */
    public void register() {
        FloeException last = null;
        for (int attempt = 1; attempt <= config.registrationAttempts(); attempt++) {
            try {
                WorkerMessages.Registered registered = WorkerMessages.Registered.read(coordinator.call(Rpc.REGISTER,
                        new WorkerMessages.Register(address, config.slots(), config.sameHostReads()
                        ? config.directory().toAbsolutePath().toString() : "").write()));
                workerId = registered.workerId();
                pollMillis = registered.pollIntervalMillis();
                return;
            } catch (FloeException e) {
                if (e.code() != ErrorCode.CLUSTER_ERROR) {
                    throw e;
                }
                last = e;
                sleep(Math.min(2000, 200L * attempt));
            }
        }
        throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot register with the coordinator at "
                + config.coordinator() + " after " + config.registrationAttempts() + " attempts: "
                + (last == null ? "no answer" : last.getMessage()));
    }

    /**
     * Polls until {@link #close()} or until the coordinator has been unreachable for too long. A poll with free
     * slots is a long poll: the coordinator answers when it has a task for this worker. With every slot busy the
     * poll is a plain heartbeat every {@code pollMillis}; a finished task reports itself at once.
     */
    public void run() {
        long lastContact = System.nanoTime();
        while (!stopped) {
            List<TaskReport> reports = new ArrayList<>();
            finished.drainTo(reports);
            long started = System.nanoTime();
            boolean pollAgain = false;
            try {
                int free = config.slots() - running.get();
                WorkerMessages.PollAnswer answer = WorkerMessages.PollAnswer.read(coordinator.call(Rpc.POLL,
                        new WorkerMessages.Poll(workerId, free, reports).write()));
                lastContact = System.nanoTime();
                if (!answer.known()) {
                    register();
                    continue;
                }
                if (!answer.tasks().isEmpty()) {
                    dev.floe.cluster.TimingTrace.log("poll got " + answer.tasks().size() + " tasks");
                }
                answer.tasks().forEach(this::start);
                answer.finishedQueries().forEach(this::dropQuery);
                // A poll answered with tasks, or with ended queries while slots were free (the long poll returns
                // at once when a query ends, and the client's next query comes a few ms later), polls again now.
                pollAgain = !answer.tasks().isEmpty() || (free > 0 && !answer.finishedQueries().isEmpty());
            } catch (FloeException e) {
                finished.addAll(reports);
                if (System.nanoTime() - lastContact > config.coordinatorSilenceMillis() * 1_000_000) {
                    throw new FloeException(ErrorCode.CLUSTER_ERROR, "lost the coordinator at " + config.coordinator()
                            + " for more than " + config.coordinatorSilenceMillis() + " ms: " + e.getMessage());
                }
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (!pollAgain && elapsedMillis < pollMillis) {
                try {
                    // Every slot busy (or the coordinator answered at once): wait for a slot or the next heartbeat.
                    if (wake.tryAcquire(pollMillis - elapsedMillis, TimeUnit.MILLISECONDS)) {
                        wake.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Runs a task on a slot, then reports it at once; the report asks for one task to take the slot over, so a
     * worker with more work waiting gets it in the same round trip. The slot counts as busy until then, so the
     * polling loop never asks for it at the same time.
     */
    private void start(TaskAssignment assignment) {
        running.incrementAndGet();
        tasks.execute(() -> {
            runningThreads.put(assignment.task(), Thread.currentThread());
            TaskReport report;
            List<TaskAssignment> next = List.of();
            try {
                try {
                    report = new TaskExecution(assignment, store, address, fetcher, config.sameHostReads(),
                            buildSides).run();
                } finally {
                    synchronized (interrupts) {
                        runningThreads.remove(assignment.task());
                        Thread.interrupted();
                    }
                }
                dev.floe.cluster.TimingTrace.log("reporting " + assignment.task());
                next = stopped ? List.of() : report(report);
                dev.floe.cluster.TimingTrace.log("reported " + assignment.task());
                next.forEach(this::start);
            } finally {
                running.decrementAndGet();
            }
            wake.release();
        });
    }

    /**
     * Sends a finished task's report at once, asking for one task in its place; returns the tasks handed back.
     * The main loop resends the report if this fails.
     */
    private List<TaskAssignment> report(TaskReport report) {
        try {
            WorkerMessages.PollAnswer answer = WorkerMessages.PollAnswer.read(coordinator.call(Rpc.POLL,
                    new WorkerMessages.Poll(workerId, 1, List.of(report)).write()));
            if (!answer.known()) {
                finished.add(report);
                return List.of();
            }
            answer.finishedQueries().forEach(this::dropQuery);
            if (!answer.tasks().isEmpty()) {
                dev.floe.cluster.TimingTrace.log("report got " + answer.tasks().size() + " tasks");
            }
            return answer.tasks();
        } catch (FloeException e) {
            finished.add(report);
            return List.of();
        }
    }

    /**
     * The query ended (done, failed or canceled): interrupt its tasks still running, forget the join build sides
     * they shared and delete its files.
     */
    private void dropQuery(long query) {
        buildSides.dropQuery(query);
        synchronized (interrupts) {
            runningThreads.forEach((task, thread) -> {
                if (task.queryId() == query) {
                    thread.interrupt();
                }
            });
        }
        try {
            store.dropQuery(query);
        } catch (FloeException e) {
            LOG.log(Level.WARNING, "cannot clean query " + query, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted");
        }
    }

    @Override
    public void close() {
        stopped = true;
        tasks.shutdownNow();
        server.close();
        coordinator.close();
        fetcher.close();
    }
}
