package dev.floe.cluster.protocol;

/**
 * Where the output of one map partition of a stage lives: the worker's data address ({@code host:port}) and its
 * work directory, so a reader on the same host reads the file in place instead of streaming it over Flight
 * (empty when unknown).
 */
public record ShuffleLocation(String address, int mapPartition, String directory) {
    public ShuffleLocation {
        directory = directory == null ? "" : directory;
    }

    public ShuffleLocation(String address, int mapPartition) {
        this(address, mapPartition, "");
    }

    public void write(WireOutput out) {
        out.writeString(address).writeInt(mapPartition).writeString(directory);
    }

    public static ShuffleLocation read(WireInput in) {
        return new ShuffleLocation(in.readString(), in.readInt(), in.readString());
    }
}
