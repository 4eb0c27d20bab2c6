package dev.floe.cluster.protocol;

/** Where the output of one map partition of a stage lives: the worker's data address ({@code host:port}). */
public record ShuffleLocation(String address, int mapPartition) {
    public void write(WireOutput out) {
        out.writeString(address).writeInt(mapPartition);
    }

    public static ShuffleLocation read(WireInput in) {
        return new ShuffleLocation(in.readString(), in.readInt());
    }
}
