package dev.floe.cluster.protocol;

import dev.floe.cluster.plan.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker needs to run one task: which runner interprets the payload (the engine runs a serialized
 * fragment), the payload, how to cut the output, where the inputs live, the shuffle compression and, for the
 * root stage, the directory to write result files to (a local directory or an {@code s3://} prefix) with the
 * storage options that reach it.
 */
public record TaskAssignment(TaskId task, String runner, byte[] payload, Exchange output, List<TaskInput> inputs,
        String compression, String resultDirectory, Map<String, String> resultOptions) {
    public TaskAssignment {
        inputs = List.copyOf(inputs);
        resultOptions = Map.copyOf(resultOptions);
    }

    /** An assignment whose result directory needs no storage options. */
    public TaskAssignment(TaskId task, String runner, byte[] payload, Exchange output, List<TaskInput> inputs,
            String compression, String resultDirectory) {
        this(task, runner, payload, output, inputs, compression, resultDirectory, Map.of());
    }

    @Override
    public String toString() {
        return "TaskAssignment[" + task + ", runner=" + runner + ", output=" + output + ", inputs=" + inputs
                + ", compression=" + compression + ", resultDirectory=" + resultDirectory + "]";
    }

    public void write(WireOutput out) {
        task.write(out);
        out.writeString(runner).writeBytes(payload);
        ExchangeWire.write(output, out);
        out.writeInt(inputs.size());
        inputs.forEach(input -> input.write(out));
        out.writeString(compression).writeString(resultDirectory);
        dev.floe.cluster.ResultLocation.writeOptions(resultOptions, out);
    }

    public static TaskAssignment read(WireInput in) {
        TaskId task = TaskId.read(in);
        String runner = in.readString();
        byte[] payload = in.readBytes();
        Exchange output = ExchangeWire.read(in);
        int count = in.readCount(12);
        List<TaskInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(TaskInput.read(in));
        }
        String compression = in.readString();
        String resultDirectory = in.readString();
        return new TaskAssignment(task, runner, payload, output, inputs, compression, resultDirectory,
                dev.floe.cluster.ResultLocation.readOptions(in));
    }
}
