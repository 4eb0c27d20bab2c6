package dev.floe.exec.pipeline;

import java.util.Arrays;

/**
 * Stops a pipeline early once the morsels {@code 0 .. m} (a complete prefix of the input) have produced at
 * least {@code rows} output rows: later morsels cannot contribute to a head of that many rows.
 */
public final class PrefixLimit {
    private final long rows;
    private long[] produced = new long[16];
    private boolean[] done = new boolean[16];
    private int prefix;
    private long prefixRows;
    private volatile boolean reached;

    public PrefixLimit(long rows) {
        this.rows = rows;
        this.reached = rows <= 0;
    }

    /** Whether workers may stop claiming morsels. */
    public boolean reached() {
        return reached;
    }

    /** Records that {@code morsel} finished after producing {@code count} rows. */
    public synchronized void morselDone(int morsel, long count) {
        if (morsel >= done.length) {
            int size = Math.max(morsel + 1, done.length * 2);
            done = Arrays.copyOf(done, size);
            produced = Arrays.copyOf(produced, size);
        }
        done[morsel] = true;
        produced[morsel] = count;
        while (prefix < done.length && done[prefix]) {
            prefixRows += produced[prefix++];
        }
        if (prefixRows >= rows) {
            reached = true;
        }
    }
}
