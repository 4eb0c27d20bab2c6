package dev.floe.cluster.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's word on a finished task: success with its metrics, result files (root stage only) and key sample
 * (below a distributed sort, else empty), or failure with the error; {@code fetchFailure} says the task could not
 * read an input shuffle, which the coordinator answers by re-running it rather than by counting a retry, after
 * recomputing the {@code missing} outputs (those whose holder answered that it has no such file).
 */
public record TaskReport(TaskId task, boolean success, boolean fetchFailure, String error, TaskMetrics metrics,
        List<String> resultFiles, byte[] sample, List<MissingOutput> missing) {
    public TaskReport {
        resultFiles = List.copyOf(resultFiles);
        missing = List.copyOf(missing);
        sample = sample == null ? new byte[0] : sample;
    }

    public static TaskReport succeeded(TaskId task, TaskMetrics metrics, List<String> resultFiles) {
        return succeeded(task, metrics, resultFiles, new byte[0]);
    }

    public static TaskReport succeeded(TaskId task, TaskMetrics metrics, List<String> resultFiles, byte[] sample) {
        return new TaskReport(task, true, false, null, metrics, resultFiles, sample, List.of());
    }

    public static TaskReport failed(TaskId task, boolean fetchFailure, String error) {
        return new TaskReport(task, false, fetchFailure, error, TaskMetrics.NONE, List.of(), new byte[0], List.of());
    }

    /** A task that could not read its input because the outputs {@code missing} are gone from their holders. */
    public static TaskReport missingInput(TaskId task, String error, List<MissingOutput> missing) {
        return new TaskReport(task, false, true, error, TaskMetrics.NONE, List.of(), new byte[0], missing);
    }

    public void write(WireOutput out) {
        task.write(out);
        out.writeBoolean(success).writeBoolean(fetchFailure).writeString(error);
        metrics.write(out);
        out.writeStrings(resultFiles).writeBytes(sample).writeInt(missing.size());
        missing.forEach(output -> output.write(out));
    }

    public static TaskReport read(WireInput in) {
        TaskId task = TaskId.read(in);
        boolean success = in.readBoolean();
        boolean fetchFailure = in.readBoolean();
        String error = in.readString();
        TaskMetrics metrics = TaskMetrics.read(in);
        List<String> files = new ArrayList<>(in.readStrings());
        byte[] sample = in.readBytes();
        int count = in.readCount(12);
        List<MissingOutput> missing = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            missing.add(MissingOutput.read(in));
        }
        return new TaskReport(task, success, fetchFailure, error, metrics, files, sample, missing);
    }
}
