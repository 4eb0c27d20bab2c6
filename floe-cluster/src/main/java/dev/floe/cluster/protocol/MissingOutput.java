package dev.floe.cluster.protocol;

/**
 * A shuffle output a reading task found missing on the worker that should hold it (Flight answered NOT_FOUND):
 * the coordinator recomputes that map partition of that stage.
 */
public record MissingOutput(int stageId, int mapPartition, String address) {
    public void write(WireOutput out) {
        out.writeInt(stageId).writeInt(mapPartition).writeString(address);
    }

    public static MissingOutput read(WireInput in) {
        return new MissingOutput(in.readInt(), in.readInt(), in.readString());
    }
}
