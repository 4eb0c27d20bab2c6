package dev.floe.cluster.protocol;

import dev.floe.cluster.plan.Exchange;
import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage as the scheduler sees it: partitions, input stages, output exchange, and the opaque payload its tasks
 * run (one shared payload, or one per partition) with the named runner. The engine's payload is a serialized
 * plan fragment; the scheduler never looks inside.
 */
public record JobStage(int id, int partitions, List<Integer> inputs, Exchange output, String runner,
        List<byte[]> payloads) {
    public JobStage {
        inputs = List.copyOf(inputs);
        payloads = List.copyOf(payloads);
        if (partitions < 1) {
            throw FloeException.invalidArgument("stage " + id + " needs at least one partition, got " + partitions);
        }
        if (payloads.size() != 1 && payloads.size() != partitions) {
            throw FloeException.invalidArgument("stage " + id + " has " + payloads.size() + " payloads; give one, or one per partition ("
                    + partitions + ")");
        }
        for (int input : inputs) {
            if (input < 0 || input >= id) {
                throw FloeException.invalidArgument("stage " + id + " reads stage " + input
                        + "; a stage reads only stages listed before it");
            }
        }
        if (runner == null || runner.isBlank()) {
            throw FloeException.invalidArgument("stage " + id + " names no task runner");
        }
    }

    /** This stage with another output exchange (a range exchange once its bounds are known). */
    public JobStage withOutput(Exchange newOutput) {
        return new JobStage(id, partitions, inputs, newOutput, runner, payloads);
    }

    public byte[] payload(int partition) {
        return payloads.size() == 1 ? payloads.getFirst() : payloads.get(partition);
    }

    public void write(WireOutput out) {
        out.writeInt(id).writeInt(partitions).writeInt(inputs.size());
        inputs.forEach(out::writeInt);
        ExchangeWire.write(output, out);
        out.writeString(runner).writeInt(payloads.size());
        payloads.forEach(out::writeBytes);
    }

    public static JobStage read(WireInput in) {
        int id = in.readInt();
        int partitions = in.readInt();
        int inputCount = in.readCount(4);
        List<Integer> inputs = new ArrayList<>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            inputs.add(in.readInt());
        }
        Exchange output = ExchangeWire.read(in);
        String runner = in.readString();
        int payloadCount = in.readCount(4);
        List<byte[]> payloads = new ArrayList<>(payloadCount);
        for (int i = 0; i < payloadCount; i++) {
            payloads.add(in.readBytes());
        }
        return new JobStage(id, partitions, inputs, output, runner, payloads);
    }

    /** Validates a whole job: stage ids are 0..n-1 in order and exactly the last stage writes the result. */
    public static List<JobStage> validateJob(List<JobStage> stages) {
        if (stages.isEmpty()) {
            throw FloeException.invalidArgument("a job needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            JobStage stage = stages.get(i);
            if (stage.id() != i) {
                throw FloeException.invalidArgument("stage at position " + i + " has id " + stage.id()
                        + "; stage ids must be 0, 1, 2... in order");
            }
            boolean root = i == stages.size() - 1;
            if (root != (stage.output() instanceof Exchange.Result)) {
                throw FloeException.invalidArgument(root ? "the last stage must write the result"
                        : "stage " + i + " writes the result but only the last stage may");
            }
        }
        return List.copyOf(stages);
    }
}
