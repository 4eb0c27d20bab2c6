package dev.floe.bench.pdsh;

import dev.floe.pdsh.ResultTable;
import java.util.Arrays;

/**
 * The timed runs of one PDS-H query on one engine, with the result of the last run for checking.
 *
 * @param query   the query number
 * @param seconds the wall-clock seconds of each timed run
 * @param result  the result of the last run
 */
public record QueryTiming(int query, double[] seconds, ResultTable result) {
    public QueryTiming {
        seconds = seconds.clone();
    }

    /** The fastest timed run, in seconds. */
    public double best() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    /** The median timed run, in seconds. */
    public double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
