package dev.floe.cluster.protocol;

import java.util.ArrayList;
import java.util.List;

/** One shuffle input of a task: the stage it reads, which reduce partition, and where every map output lives. */
public record TaskInput(int stageId, int reducePartition, List<ShuffleLocation> locations) {
    public TaskInput {
        locations = List.copyOf(locations);
    }

    public void write(WireOutput out) {
        out.writeInt(stageId).writeInt(reducePartition).writeInt(locations.size());
        locations.forEach(location -> location.write(out));
    }

    public static TaskInput read(WireInput in) {
        int stageId = in.readInt();
        int reducePartition = in.readInt();
        int count = in.readCount(8);
        List<ShuffleLocation> locations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            locations.add(ShuffleLocation.read(in));
        }
        return new TaskInput(stageId, reducePartition, locations);
    }
}
