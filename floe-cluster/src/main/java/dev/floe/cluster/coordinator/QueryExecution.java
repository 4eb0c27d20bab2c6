package dev.floe.cluster.coordinator;

import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.RangeBounds;
import dev.floe.core.vector.Batch;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.MissingOutput;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.ShuffleLocation;
import dev.floe.cluster.protocol.StageProgress;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskId;
import dev.floe.cluster.protocol.TaskInput;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.cluster.protocol.AdaptiveChoice;
import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One query being run: the state machine of its stages and partitions. It hands out tasks of RUNNING stages,
 * takes task reports (success, failure with retries up to {@code nRetries}, fetch failure), reacts to a lost
 * worker by re-running its tasks and recomputing the shuffle output it held that is still needed, and decides
 * the query's status. A stage with an {@link AdaptiveChoice} is decided once the choice's small stage is
 * complete: the held stage waits until then and is SKIPPED when the broadcast variant replaces the join stage.
 * Not thread-safe: the {@link Scheduler} serializes calls.
 */
final class QueryExecution {
    private static final int MAX_INTERRUPTIONS = 8;

    private final long id;
    private final List<JobStage> stages;
    private final int nRetries;
    private final String compression;
    private final ResultLocation result;
    private final String explain;
    private final List<String> labels;
    private final StageStatus[] stageStatus;
    private final PartitionState[][] partitions;
    private final Map<String, ProfileEntry> profile = new LinkedHashMap<>();
    private final List<AdaptiveChoice> choices;
    private final boolean[] decided;
    /** Per stage, the input stages its tasks read whole though they are hash-partitioned (a broadcast variant). */
    private final List<Set<Integer>> wholeInputs = new ArrayList<>();
    private QueryStatus status = QueryStatus.SCHEDULED;
    private String error;

    QueryExecution(long id, List<JobStage> stages, int nRetries, String compression, ResultLocation result,
            String explain, List<String> labels, List<AdaptiveChoice> adaptive) {
        this.id = id;
        this.labels = List.copyOf(labels);
        this.stages = new ArrayList<>(JobStage.validateJob(stages));
        this.nRetries = nRetries;
        this.compression = compression;
        this.result = result;
        this.explain = explain;
        this.stageStatus = new StageStatus[stages.size()];
        this.partitions = new PartitionState[stages.size()][];
        for (int s = 0; s < stages.size(); s++) {
            stageStatus[s] = StageStatus.WAITING;
            partitions[s] = new PartitionState[stages.get(s).partitions()];
            for (int p = 0; p < partitions[s].length; p++) {
                partitions[s][p] = new PartitionState();
            }
            wholeInputs.add(new HashSet<>());
        }
        this.choices = validateChoices(adaptive, this.stages);
        this.decided = new boolean[choices.size()];
        startReadyStages();
    }

    /** Checks each choice replaces a stage with one writing the same output, whose held stage only it reads. */
    private static List<AdaptiveChoice> validateChoices(List<AdaptiveChoice> adaptive, List<JobStage> stages) {
        for (AdaptiveChoice choice : adaptive) {
            int join = choice.joinStage();
            if (join >= stages.size() || !choice.broadcastVariant().output().equals(stages.get(join).output())) {
                throw FloeException.invalidArgument("the adaptive choice of stage " + join
                        + " must replace a stage of the job with one writing the same output");
            }
            for (JobStage stage : stages) {
                if (stage.id() != join && stage.inputs().contains(choice.heldStage())) {
                    throw FloeException.invalidArgument("stage " + choice.heldStage() + " may be skipped by the "
                            + "adaptive choice of stage " + join + " but stage " + stage.id() + " reads it");
                }
            }
        }
        return List.copyOf(adaptive);
    }

    long id() {
        return id;
    }

    /** Where this query's result files go (its directory is never the coordinator's default marker). */
    ResultLocation result() {
        return result;
    }

    QueryStatus status() {
        return status;
    }

    StageStatus stageStatus(int stage) {
        return stageStatus[stage];
    }

    /** Up to {@code max} tasks for the worker at {@code address}; avoids the worker a partition last failed on. */
    List<TaskAssignment> nextTasks(String address, int max, int liveWorkers,
            java.util.function.UnaryOperator<String> directoryOf) {
        List<TaskAssignment> tasks = new ArrayList<>();
        if (status.isFinal()) {
            return tasks;
        }
        for (int s = 0; s < stages.size() && tasks.size() < max; s++) {
            if (stageStatus[s] != StageStatus.RUNNING) {
                continue;
            }
            for (int p = 0; p < partitions[s].length && tasks.size() < max; p++) {
                PartitionState state = partitions[s][p];
                if (state.phase != PartitionState.Phase.PENDING
                        || address.equals(state.lastFailedWorker) && liveWorkers > 1) {
                    continue;
                }
                state.phase = PartitionState.Phase.RUNNING;
                state.worker = address;
                tasks.add(assignment(s, p, state.attempt, directoryOf));
                dev.floe.cluster.TimingTrace.log("assign q" + id + " s" + s + " p" + p + " to " + address);
                status = QueryStatus.RUNNING;
            }
        }
        return tasks;
    }

    private TaskAssignment assignment(int s, int p, int attempt, java.util.function.UnaryOperator<String> directoryOf) {
        JobStage stage = stages.get(s);
        List<TaskInput> inputs = new ArrayList<>();
        for (int input : stage.inputs()) {
            Exchange producerOutput = stages.get(input).output();
            if (producerOutput instanceof Exchange.Forward) {
                String worker = partitions[input][p].worker;
                inputs.add(new TaskInput(input, 0, List.of(new ShuffleLocation(worker, p, directoryOf.apply(worker)))));
                continue;
            }
            boolean whole = producerOutput instanceof Exchange.Broadcast || producerOutput instanceof Exchange.Gather;
            List<ShuffleLocation> locations = new ArrayList<>();
            for (int m = 0; m < partitions[input].length; m++) {
                String worker = partitions[input][m].worker;
                locations.add(new ShuffleLocation(worker, m, directoryOf.apply(worker)));
            }
            if (!whole && wholeInputs.get(s).contains(input)) {
                for (int reduce = 0; reduce < producerOutput.outputPartitions(); reduce++) {
                    inputs.add(new TaskInput(input, reduce, locations));
                }
                continue;
            }
            inputs.add(new TaskInput(input, whole ? 0 : p, locations));
        }
        return new TaskAssignment(new TaskId(id, s, p, attempt), stage.runner(), stage.payload(p), stage.output(),
                inputs, compression, result.directory(), result.storageOptions());
    }

    void onReport(TaskReport report, String address) {
        TaskId task = report.task();
        if (status.isFinal() || task.stageId() < 0 || task.stageId() >= stages.size() || task.partition() < 0
                || task.partition() >= partitions[task.stageId()].length) {
            return;
        }
        int s = task.stageId();
        PartitionState state = partitions[s][task.partition()];
        if (state.attempt != task.attempt() || state.phase != PartitionState.Phase.RUNNING) {
            return;
        }
        dev.floe.cluster.TimingTrace.log("report q" + id + " s" + s + " p" + task.partition() + " from " + address
                + " ok=" + report.success() + " ms=" + report.metrics().durationMillis());
        if (report.success()) {
            state.phase = PartitionState.Phase.DONE;
            state.worker = address;
            state.metrics = report.metrics();
            state.resultFiles = report.resultFiles();
            state.sample = report.sample();
            addProfile(s, address, report.metrics());
            stageFinishedIfDone(s);
            return;
        }
        if (report.fetchFailure()) {
            interrupted(s, task.partition(), state, "it could not read its input: " + report.error());
            for (MissingOutput missing : report.missing()) {
                recomputeLost(missing);
            }
            return;
        }
        state.failures++;
        state.lastFailedWorker = address;
        if (state.failures > nRetries) {
            fail("stage " + s + " partition " + task.partition() + " failed " + state.failures + " time(s): "
                    + report.error());
            return;
        }
        state.restart();
    }

    private void interrupted(int s, int p, PartitionState state, String why) {
        state.interruptions++;
        if (state.interruptions > MAX_INTERRUPTIONS) {
            fail("stage " + s + " partition " + p + " was interrupted " + state.interruptions + " times; last: " + why);
            return;
        }
        state.restart();
    }

    private void stageFinishedIfDone(int s) {
        for (PartitionState state : partitions[s]) {
            if (state.phase != PartitionState.Phase.DONE) {
                return;
            }
        }
        if (stageStatus[s] == StageStatus.COMPLETE) {
            return;
        }
        stageStatus[s] = stageStatus[s].moveTo(StageStatus.COMPLETE);
        if (s == stages.size() - 1) {
            status = QueryStatus.SUCCESS;
            return;
        }
        if (stages.get(s).output() instanceof Exchange.Forward) {
            computeRangeBounds(s);
        }
        decideChoices(s);
        startReadyStages();
    }

    /**
     * Stage {@code s} is complete: each choice waiting for it compares the rows it wrote with its limit, and either
     * swaps in the broadcast variant of its join stage and skips the held stage, or lets the held stage run. A
     * choice is decided once; a small stage recomputed after a lost worker does not change it.
     */
    private void decideChoices(int s) {
        for (int c = 0; c < choices.size(); c++) {
            AdaptiveChoice choice = choices.get(c);
            if (decided[c] || choice.smallStage() != s) {
                continue;
            }
            decided[c] = true;
            long rows = 0;
            for (PartitionState state : partitions[s]) {
                rows += state.metrics.rowsOut();
            }
            int join = choice.joinStage();
            boolean broadcast = rows <= choice.maxRows() && stageStatus[join] == StageStatus.WAITING
                    && stageStatus[choice.heldStage()] == StageStatus.WAITING;
            dev.floe.cluster.TimingTrace.log("adaptive q" + id + " s" + join + " small s" + s + " rows " + rows
                    + (broadcast ? " broadcast, skip s" + choice.heldStage() : " partitioned"));
            if (broadcast) {
                stages.set(join, choice.broadcastVariant());
                partitions[join] = new PartitionState[choice.broadcastVariant().partitions()];
                for (int p = 0; p < partitions[join].length; p++) {
                    partitions[join][p] = new PartitionState();
                }
                wholeInputs.get(join).add(s);
                stageStatus[choice.heldStage()] = stageStatus[choice.heldStage()].moveTo(StageStatus.SKIPPED);
            }
        }
    }

    /** Whether stage {@code s} waits for a choice not decided yet (it may be skipped). */
    private boolean held(int s) {
        for (int c = 0; c < choices.size(); c++) {
            if (!decided[c] && choices.get(c).heldStage() == s) {
                return true;
            }
        }
        return false;
    }

    /**
     * The samples of the forward stage {@code s} are all in: each stage reading it that range-partitions its
     * output without bounds yet gets them now, before it starts. Bounds are computed once; a stage recomputed
     * after a lost worker keeps them, so every task of the range stage cuts rows the same way.
     */
    private void computeRangeBounds(int s) {
        for (int c = s + 1; c < stages.size(); c++) {
            JobStage consumer = stages.get(c);
            if (consumer.inputs().contains(s) && consumer.output() instanceof Exchange.Range range
                    && range.bounds() == null) {
                List<Batch> samples = new ArrayList<>();
                for (PartitionState state : partitions[s]) {
                    samples.addAll(RangeBounds.samples(state.sample));
                }
                Batch bounds = RangeBounds.compute(samples, range.keys(), range.partitions());
                stages.set(c, consumer.withOutput(range.withBounds(bounds)));
            }
        }
    }

    private void startReadyStages() {
        for (int s = 0; s < stages.size(); s++) {
            if (stageStatus[s] != StageStatus.WAITING || held(s)) {
                continue;
            }
            boolean ready = true;
            for (int input : stages.get(s).inputs()) {
                ready &= stageStatus[input] == StageStatus.COMPLETE;
            }
            if (ready) {
                stageStatus[s] = stageStatus[s].moveTo(StageStatus.RUNNING);
                dev.floe.cluster.TimingTrace.log("stage running q" + id + " s" + s + " partitions "
                        + partitions[s].length);
                stageFinishedIfDone(s);
            }
        }
    }

    /** The worker at {@code address} is gone: re-run its tasks and recompute its shuffle output still needed. */
    void onWorkerLost(String address) {
        if (status.isFinal()) {
            return;
        }
        List<Integer> recomputed = new ArrayList<>();
        for (int s = 0; s < stages.size() && !status.isFinal(); s++) {
            boolean needed = s < stages.size() - 1 && outputNeeded(s);
            for (int p = 0; p < partitions[s].length && !status.isFinal(); p++) {
                PartitionState state = partitions[s][p];
                if (!address.equals(state.worker)) {
                    continue;
                }
                if (state.phase == PartitionState.Phase.RUNNING) {
                    interrupted(s, p, state, "worker " + address + " was lost");
                } else if (state.phase == PartitionState.Phase.DONE && needed) {
                    interrupted(s, p, state, "worker " + address + " was lost with its output");
                    if (!recomputed.contains(s)) {
                        recomputed.add(s);
                    }
                }
            }
        }
        if (status.isFinal()) {
            return;
        }
        for (int s : recomputed) {
            reopen(s);
        }
    }

    /** A holder answered that it has no such output: run that map partition again, and hold back its readers. */
    private void recomputeLost(MissingOutput missing) {
        int s = missing.stageId();
        if (status.isFinal() || s < 0 || s >= stages.size() - 1 || missing.mapPartition() < 0
                || missing.mapPartition() >= partitions[s].length) {
            return;
        }
        PartitionState lost = partitions[s][missing.mapPartition()];
        if (lost.phase != PartitionState.Phase.DONE || !missing.address().equals(lost.worker)) {
            return;
        }
        interrupted(s, missing.mapPartition(), lost, "its output on " + missing.address() + " was lost");
        if (!status.isFinal()) {
            reopen(s);
        }
    }

    /** Stage {@code s} runs again (some output is recomputed): stages reading it wait until it is complete again. */
    private void reopen(int s) {
        if (stageStatus[s] == StageStatus.COMPLETE) {
            stageStatus[s] = stageStatus[s].moveTo(StageStatus.RUNNING);
        }
        for (int c = s + 1; c < stages.size(); c++) {
            if (stages.get(c).inputs().contains(s) && stageStatus[c] == StageStatus.RUNNING) {
                stageStatus[c] = stageStatus[c].moveTo(StageStatus.WAITING);
            }
        }
    }

    private boolean outputNeeded(int s) {
        for (int c = s + 1; c < stages.size(); c++) {
            if (stages.get(c).inputs().contains(s) && stageStatus[c] != StageStatus.COMPLETE) {
                return true;
            }
        }
        return false;
    }

    void cancel() {
        if (status.isFinal()) {
            return;
        }
        status = QueryStatus.CANCELED;
        error = "canceled by the client";
        for (int s = 0; s < stages.size(); s++) {
            if (stageStatus[s] != StageStatus.COMPLETE && stageStatus[s] != StageStatus.SKIPPED) {
                stageStatus[s] = stageStatus[s].moveTo(StageStatus.CANCELED);
            }
        }
    }

    private void fail(String message) {
        status = QueryStatus.FAILED;
        error = message;
        for (int s = 0; s < stages.size(); s++) {
            if (stageStatus[s] == StageStatus.WAITING || stageStatus[s] == StageStatus.RUNNING) {
                stageStatus[s] = stageStatus[s].moveTo(StageStatus.FAILED);
            }
        }
    }

    private void addProfile(int s, String address, TaskMetrics metrics) {
        profile.merge(s + "\t" + address, new ProfileEntry(s, address, 1, metrics),
                (a, b) -> new ProfileEntry(s, address, a.tasks() + 1, a.metrics().plus(b.metrics())));
    }

    List<ProfileEntry> profile() {
        return List.copyOf(profile.values());
    }

    QueryInfo info() {
        int finished = 0;
        int failed = 0;
        for (StageStatus stage : stageStatus) {
            finished += stage == StageStatus.COMPLETE || stage == StageStatus.SKIPPED ? 1 : 0;
            failed += stage == StageStatus.FAILED ? 1 : 0;
        }
        long rows = 0;
        List<String> files = new ArrayList<>();
        if (status == QueryStatus.SUCCESS) {
            for (PartitionState state : partitions[stages.size() - 1]) {
                rows += state.metrics.rowsOut();
                files.addAll(state.resultFiles);
            }
        }
        return new QueryInfo(id, status, stages.size(), finished, failed, rows, files, error, explain, progress());
    }

    /** Per stage: tasks done of total, rows out and shuffle bytes written and read by its finished tasks. */
    private List<StageProgress> progress() {
        List<StageProgress> result = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            int done = 0;
            long rows = 0;
            long bytes = 0;
            for (PartitionState state : partitions[s]) {
                if (state.phase == PartitionState.Phase.DONE) {
                    done++;
                    rows += state.metrics.rowsOut();
                    bytes += state.metrics.shuffleBytesWritten() + state.metrics.shuffleBytesRead();
                }
            }
            String label = s < labels.size() ? labels.get(s) : "stage";
            result.add(new StageProgress(s, label, stageStatus[s], done, partitions[s].length, rows, bytes));
        }
        return result;
    }
}
