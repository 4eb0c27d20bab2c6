package dev.floe.cluster.protocol;

/** One attempt at one partition of one stage of one query: the unit the coordinator schedules. */
public record TaskId(long queryId, int stageId, int partition, int attempt) {
    public void write(WireOutput out) {
        out.writeLong(queryId).writeInt(stageId).writeInt(partition).writeInt(attempt);
    }

    public static TaskId read(WireInput in) {
        return new TaskId(in.readLong(), in.readInt(), in.readInt(), in.readInt());
    }

    @Override
    public String toString() {
        return "query " + queryId + " stage " + stageId + " partition " + partition + " attempt " + attempt;
    }
}
