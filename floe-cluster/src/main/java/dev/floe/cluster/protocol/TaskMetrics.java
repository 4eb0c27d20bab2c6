package dev.floe.cluster.protocol;

/**
 * What one task measured: rows read and written, shuffle bytes written and read, wall time; of the bytes read,
 * {@code shuffleBytesFetched} came from peers over Arrow Flight (the rest were read in place on this host).
 */
public record TaskMetrics(long rowsIn, long rowsOut, long shuffleBytesWritten, long shuffleBytesRead,
        long shuffleBytesFetched, long durationMillis) {
    public static final TaskMetrics NONE = new TaskMetrics(0, 0, 0, 0, 0, 0);

    public void write(WireOutput out) {
        out.writeLong(rowsIn).writeLong(rowsOut).writeLong(shuffleBytesWritten).writeLong(shuffleBytesRead)
                .writeLong(shuffleBytesFetched).writeLong(durationMillis);
    }

    public static TaskMetrics read(WireInput in) {
        return new TaskMetrics(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
    }

    public TaskMetrics plus(TaskMetrics other) {
        return new TaskMetrics(rowsIn + other.rowsIn, rowsOut + other.rowsOut,
                shuffleBytesWritten + other.shuffleBytesWritten, shuffleBytesRead + other.shuffleBytesRead,
                shuffleBytesFetched + other.shuffleBytesFetched, durationMillis + other.durationMillis);
    }
}
