package dev.floe.cluster.coordinator;

import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.protocol.AdaptiveChoice;
import dev.floe.cluster.protocol.HostPort;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The coordinator's brain, free of networking so tests can drive it with fake workers: the registry of live
 * workers (a worker's poll is its heartbeat), the queries being run, and the assignment of pending tasks to
 * workers with free slots, oldest query first. All methods are synchronized; every change of state wakes the
 * callers waiting in a long poll ({@link #poll(long, int, List, long)}, {@link #awaitInfo}).
 */
public final class Scheduler {
    private final long heartbeatTimeoutMillis;
    private final LongSupplier clockMillis;
    private final Path resultRoot;
    private final Map<Long, WorkerState> workers = new LinkedHashMap<>();
    private final Map<Long, QueryExecution> queries = new LinkedHashMap<>();
    private long nextWorkerId = 1;
    private long nextQueryId = 1;
    private long tasksHandedWithReports;

    /** What the scheduler knows of one worker. */
    private static final class WorkerState {
        final long id;
        final String address;
        final int slots;
        final String directory;
        long lastSeenMillis;
        final List<Long> finishedQueries = new ArrayList<>();

        WorkerState(long id, String address, int slots, String directory, long now) {
            this.id = id;
            this.address = address;
            this.slots = slots;
            this.directory = directory;
            this.lastSeenMillis = now;
        }
    }

    /** The answer to a poll: tasks to start, queries whose shuffle files can go, and whether the worker is known. */
    public record PollResult(boolean known, List<TaskAssignment> tasks, List<Long> finishedQueries) {
    }

    public Scheduler(long heartbeatTimeoutMillis, LongSupplier clockMillis, Path resultRoot) {
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.clockMillis = clockMillis;
        this.resultRoot = resultRoot;
    }

    /** Adds a worker serving shuffle data at {@code address}; one already there at that address is replaced. */
    public synchronized long register(String address, int slots) {
        return register(address, slots, "");
    }

    /** As {@link #register(String, int)}, with the worker's work directory that same-host readers read in place. */
    public synchronized long register(String address, int slots, String directory) {
        if (slots < 1) {
            throw FloeException.invalidArgument("a worker needs at least one task slot, got " + slots);
        }
        for (WorkerState existing : List.copyOf(workers.values())) {
            if (existing.address.equals(address)) {
                lose(existing);
            }
        }
        long id = nextWorkerId++;
        workers.put(id, new WorkerState(id, address, slots, directory, clockMillis.getAsLong()));
        notifyAll();
        return id;
    }

    /** Tasks handed out in the answer to a poll that carried reports: no separate poll was needed for them. */
    public synchronized long tasksHandedWithReports() {
        return tasksHandedWithReports;
    }

    /** A worker's heartbeat: records its finished tasks, then hands it up to {@code freeSlots} new tasks. */
    public synchronized PollResult poll(long workerId, int freeSlots, List<TaskReport> reports) {
        return poll(workerId, freeSlots, reports, 0);
    }

    /**
     * As {@link #poll(long, int, List)}, but a worker with free slots that gets no task waits up to
     * {@code waitMillis} for one (a long poll): it returns as soon as a report, a submission or a lost worker makes
     * a task ready for it, so no stage waits for a worker's next poll.
     */
    public synchronized PollResult poll(long workerId, int freeSlots, List<TaskReport> reports, long waitMillis) {
        WorkerState worker = workers.get(workerId);
        if (worker == null) {
            return new PollResult(false, List.of(), List.of());
        }
        worker.lastSeenMillis = clockMillis.getAsLong();
        for (TaskReport report : reports) {
            QueryExecution query = queries.get(report.task().queryId());
            if (query != null) {
                query.onReport(report, worker.address);
                noteFinished(query);
            }
        }
        if (!reports.isEmpty()) {
            notifyAll();
        }
        int budget = Math.min(Math.max(0, freeSlots), worker.slots);
        List<TaskAssignment> tasks = assign(worker, budget);
        if (!reports.isEmpty()) {
            tasksHandedWithReports += tasks.size();
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (tasks.isEmpty() && budget > 0 && worker.finishedQueries.isEmpty() && workers.get(workerId) == worker) {
            if (!waitBefore(deadline)) {
                break;
            }
            worker.lastSeenMillis = clockMillis.getAsLong();
            tasks = assign(worker, budget);
        }
        if (workers.get(workerId) != worker) {
            return new PollResult(false, List.of(), List.of());
        }
        List<Long> finished = List.copyOf(worker.finishedQueries);
        worker.finishedQueries.clear();
        return new PollResult(true, tasks, finished);
    }

    private List<TaskAssignment> assign(WorkerState worker, int budget) {
        List<TaskAssignment> tasks = new ArrayList<>();
        for (QueryExecution query : queries.values()) {
            if (tasks.size() >= budget) {
                break;
            }
            tasks.addAll(query.nextTasks(worker.address, budget - tasks.size(), workers.size(), this::directoryOf));
        }
        return tasks;
    }

    /**
     * Whether every live worker (at least one) runs on one host and registered its work directory, so every
     * shuffle file is read in place and none leaves the host.
     */
    public synchronized boolean shufflesReadInPlace() {
        String host = null;
        for (WorkerState worker : workers.values()) {
            String workerHost = HostPort.parse(worker.address).host();
            if (worker.directory.isEmpty() || (host != null && !host.equals(workerHost))) {
                return false;
            }
            host = workerHost;
        }
        return host != null;
    }

    /** The work directory the live worker at {@code address} registered, or empty. */
    private String directoryOf(String address) {
        for (WorkerState worker : workers.values()) {
            if (worker.address.equals(address)) {
                return worker.directory;
            }
        }
        return "";
    }

    /** Accepts a planned query whose results go to the coordinator's results directory; returns its id. */
    public synchronized long submit(List<JobStage> stages, int nRetries, String compression, String explain) {
        return submit(stages, nRetries, compression, explain, ResultLocation.DEFAULT, List.of());
    }

    /**
     * Accepts a planned query whose result files go to {@code result} ({@code <results>/query-<id>} for the
     * default) and whose stages have names for the progress lines ({@code join}, {@code scan}...); returns its id.
     */
    public synchronized long submit(List<JobStage> stages, int nRetries, String compression, String explain,
            ResultLocation result, List<String> stageLabels) {
        return submit(stages, nRetries, compression, explain, result, stageLabels, List.of());
    }

    /** As {@link #submit(List, int, String, String, ResultLocation, List)}, with stages chosen at run time. */
    public synchronized long submit(List<JobStage> stages, int nRetries, String compression, String explain,
            ResultLocation result, List<String> stageLabels, List<AdaptiveChoice> adaptive) {
        long id = nextQueryId++;
        ResultLocation resolved = result.isDefault()
                ? new ResultLocation(resultRoot.resolve("query-" + id).toString(), java.util.Map.of()) : result;
        QueryExecution query = new QueryExecution(id, stages, nRetries, compression, resolved, explain,
                stageLabels, adaptive);
        queries.put(id, query);
        noteFinished(query);
        notifyAll();
        return id;
    }

    /** Declares workers silent for longer than the heartbeat timeout dead; returns their addresses. */
    public synchronized List<String> expireSilentWorkers() {
        long now = clockMillis.getAsLong();
        List<String> lost = new ArrayList<>();
        for (WorkerState worker : List.copyOf(workers.values())) {
            if (now - worker.lastSeenMillis > heartbeatTimeoutMillis) {
                lose(worker);
                lost.add(worker.address);
            }
        }
        if (!lost.isEmpty()) {
            notifyAll();
        }
        return lost;
    }

    private void lose(WorkerState worker) {
        workers.remove(worker.id);
        for (QueryExecution query : queries.values()) {
            query.onWorkerLost(worker.address);
            noteFinished(query);
        }
    }

    private final java.util.Set<Long> announced = new java.util.HashSet<>();
    private final Map<Long, Long> finishedAtMillis = new LinkedHashMap<>();

    private void noteFinished(QueryExecution query) {
        if (query.status().isFinal() && announced.add(query.id())) {
            finishedAtMillis.put(query.id(), clockMillis.getAsLong());
            for (WorkerState worker : workers.values()) {
                worker.finishedQueries.add(query.id());
            }
        }
    }

    /**
     * Forgets queries that ended more than {@code retentionMillis} ago and returns where their results are (local
     * directories or {@code s3://} prefixes, with the storage options to reach them), for the caller to delete;
     * asking about such a query afterwards is an unknown-query error.
     */
    public synchronized List<ResultLocation> expireResults(long retentionMillis) {
        long now = clockMillis.getAsLong();
        List<ResultLocation> expired = new ArrayList<>();
        var entries = finishedAtMillis.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (now - entry.getValue() > retentionMillis) {
                QueryExecution query = queries.remove(entry.getKey());
                expired.add(query != null ? query.result()
                        : new ResultLocation(resultRoot.resolve("query-" + entry.getKey()).toString(), java.util.Map.of()));
                entries.remove();
            }
        }
        return expired;
    }

    public synchronized QueryInfo info(long queryId) {
        return query(queryId).info();
    }

    public synchronized List<ProfileEntry> profile(long queryId) {
        return query(queryId).profile();
    }

    public synchronized void cancel(long queryId) {
        QueryExecution query = query(queryId);
        query.cancel();
        noteFinished(query);
        notifyAll();
    }

    /** The query's state once it has ended, or after {@code waitMillis} if it is still running (a long poll). */
    public synchronized QueryInfo awaitInfo(long queryId, long waitMillis) {
        QueryExecution query = query(queryId);
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (!query.status().isFinal()) {
            if (!waitBefore(deadline)) {
                break;
            }
        }
        return query.info();
    }

    /**
     * Waits on this scheduler's monitor until a change is notified or {@code deadlineNanos} comes; false once the
     * deadline has passed or the thread was interrupted (the long polls stop waiting then).
     */
    private boolean waitBefore(long deadlineNanos) {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            return false;
        }
        try {
            wait(remainingMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized QueryStatus status(long queryId) {
        return query(queryId).status();
    }

    public synchronized StageStatus stageStatus(long queryId, int stage) {
        return query(queryId).stageStatus(stage);
    }

    /**
     * The task slots of a live worker, on average (rounded, at least 1): how many partitions a wide stage gives each
     * worker by default, so that every slot of the cluster runs one of its tasks.
     */
    public synchronized int slotsPerWorker() {
        int total = 0;
        for (WorkerState worker : workers.values()) {
            total += worker.slots;
        }
        return workers.isEmpty() ? 1 : Math.max(1, Math.round((float) total / workers.size()));
    }

    /** Addresses of the live workers, in registration order. */
    public synchronized List<String> workers() {
        return workers.values().stream().map(w -> w.address).toList();
    }

    private QueryExecution query(long queryId) {
        QueryExecution query = queries.get(queryId);
        if (query == null) {
            throw new FloeException(ErrorCode.INVALID_ARGUMENT, "no query with id " + queryId + " on this coordinator");
        }
        return query;
    }
}
