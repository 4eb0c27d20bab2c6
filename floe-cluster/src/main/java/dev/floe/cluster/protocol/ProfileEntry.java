package dev.floe.cluster.protocol;

/** The work one worker did for one stage of a query: task count and summed metrics. */
public record ProfileEntry(int stageId, String worker, int tasks, TaskMetrics metrics) {
    public void write(WireOutput out) {
        out.writeInt(stageId).writeString(worker).writeInt(tasks);
        metrics.write(out);
    }

    public static ProfileEntry read(WireInput in) {
        return new ProfileEntry(in.readInt(), in.readString(), in.readInt(), TaskMetrics.read(in));
    }
}
