package dev.floe.cluster.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's word on a finished task: success with its metrics, result files (root stage only) and key sample
 * (below a distributed sort, else empty), or failure with the error; {@code fetchFailure} says the task could not read an input shuffle (its holder is gone), which
 * the coordinator answers by recomputing the input rather than by counting a retry.
 */
public record TaskReport(TaskId task, boolean success, boolean fetchFailure, String error, TaskMetrics metrics,
        List<String> resultFiles, byte[] sample) {
    public TaskReport {
        resultFiles = List.copyOf(resultFiles);
        sample = sample == null ? new byte[0] : sample;
    }

    public static TaskReport succeeded(TaskId task, TaskMetrics metrics, List<String> resultFiles) {
        return succeeded(task, metrics, resultFiles, new byte[0]);
    }

    public static TaskReport succeeded(TaskId task, TaskMetrics metrics, List<String> resultFiles, byte[] sample) {
        return new TaskReport(task, true, false, null, metrics, resultFiles, sample);
    }

    public static TaskReport failed(TaskId task, boolean fetchFailure, String error) {
        return new TaskReport(task, false, fetchFailure, error, TaskMetrics.NONE, List.of(), new byte[0]);
    }

    public void write(WireOutput out) {
        task.write(out);
        out.writeBoolean(success).writeBoolean(fetchFailure).writeString(error);
        metrics.write(out);
        out.writeStrings(resultFiles).writeBytes(sample);
    }

    public static TaskReport read(WireInput in) {
        TaskId task = TaskId.read(in);
        boolean success = in.readBoolean();
        boolean fetchFailure = in.readBoolean();
        String error = in.readString();
        TaskMetrics metrics = TaskMetrics.read(in);
        List<String> files = new ArrayList<>(in.readStrings());
        return new TaskReport(task, success, fetchFailure, error, metrics, files, in.readBytes());
    }
}
