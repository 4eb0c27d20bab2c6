package dev.floe.cluster.protocol;

import dev.floe.cluster.coordinator.StageStatus;
import java.util.Objects;

/**
 * How far one stage of a query has come, for the client's live progress line: its state, tasks done of total,
 * the rows its finished tasks produced and the shuffle bytes they wrote and read.
 */
public record StageProgress(int stage, String label, StageStatus state, int tasksDone, int tasksTotal, long rows,
        long bytes) {
    public StageProgress {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
    }

    public void write(WireOutput out) {
        out.writeInt(stage).writeString(label).writeByte(state.ordinal()).writeInt(tasksDone).writeInt(tasksTotal)
                .writeLong(rows).writeLong(bytes);
    }

    public static StageProgress read(WireInput in) {
        int stage = in.readInt();
        String label = in.readString();
        int state = in.readByte();
        if (state >= StageStatus.values().length) {
            throw in.malformed("unknown stage state " + state);
        }
        return new StageProgress(stage, label, StageStatus.values()[state], in.readInt(), in.readInt(), in.readLong(),
                in.readLong());
    }
}
