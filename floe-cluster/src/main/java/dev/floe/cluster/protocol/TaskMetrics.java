package dev.floe.cluster.protocol;

/** What one task measured: rows read and written, shuffle bytes written and fetched, wall time. */
public record TaskMetrics(long rowsIn, long rowsOut, long shuffleBytesWritten, long shuffleBytesRead,
        long durationMillis) {
    public static final TaskMetrics NONE = new TaskMetrics(0, 0, 0, 0, 0);

    public void write(WireOutput out) {
        out.writeLong(rowsIn).writeLong(rowsOut).writeLong(shuffleBytesWritten).writeLong(shuffleBytesRead)
                .writeLong(durationMillis);
    }

    public static TaskMetrics read(WireInput in) {
        return new TaskMetrics(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    public TaskMetrics plus(TaskMetrics other) {
        return new TaskMetrics(rowsIn + other.rowsIn, rowsOut + other.rowsOut,
                shuffleBytesWritten + other.shuffleBytesWritten, shuffleBytesRead + other.shuffleBytesRead,
                durationMillis + other.durationMillis);
    }
}
