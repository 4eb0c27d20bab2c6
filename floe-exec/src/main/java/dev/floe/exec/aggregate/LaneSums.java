package dev.floe.exec.aggregate;

/**
 * Per-group sums and counts of a batch when there are few groups (q1's four, or one without keys). Adding row
 * after row into {@code sums[group]} makes each row wait for the previous row's store to the same group; here
 * consecutive rows go round-robin to {@link #LANES} separate partial sums per group, which are folded into the
 * caller's per-group array at the end of the batch. Floating-point sums are thus added in another order than
 * row by row (as they already are across morsels and threads).
 */
final class LaneSums {
    static final int LANES = 4;
    /** Above this many groups consecutive rows rarely share a group, and the lanes would only cost memory. */
    static final int MAX_GROUPS = 256;

    private double[] doubleLanes = new double[0];
    private long[] longLanes = new long[0];

    static boolean applies(int groupCount) {
        return groupCount <= MAX_GROUPS;
    }

    /** {@code sums[groups[i]] += values[i]} for rows {@code [0, n)}, all valid. */
    void addDoubles(double[] sums, int[] groups, double[] values, int n, int groupCount) {
        if (doubleLanes.length < groupCount * LANES) {
            doubleLanes = new double[MAX_GROUPS * LANES];
        }
        double[] lanes = doubleLanes;
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            lanes[groups[i] * LANES] += values[i];
            lanes[groups[i + 1] * LANES + 1] += values[i + 1];
            lanes[groups[i + 2] * LANES + 2] += values[i + 2];
            lanes[groups[i + 3] * LANES + 3] += values[i + 3];
        }
        for (; i < n; i++) {
            lanes[groups[i] * LANES] += values[i];
        }
        for (int g = 0; g < groupCount; g++) {
            int at = g * LANES;
            sums[g] += (lanes[at] + lanes[at + 1]) + (lanes[at + 2] + lanes[at + 3]);
            lanes[at] = 0;
            lanes[at + 1] = 0;
            lanes[at + 2] = 0;
            lanes[at + 3] = 0;
        }
    }

    /** {@code sums[groups[i]] += values[i]} (wrapping) for rows {@code [0, n)}, all valid. */
    void addLongs(long[] sums, int[] groups, long[] values, int n, int groupCount) {
        long[] lanes = longLanes(groupCount);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            lanes[groups[i] * LANES] += values[i];
            lanes[groups[i + 1] * LANES + 1] += values[i + 1];
            lanes[groups[i + 2] * LANES + 2] += values[i + 2];
            lanes[groups[i + 3] * LANES + 3] += values[i + 3];
        }
        for (; i < n; i++) {
            lanes[groups[i] * LANES] += values[i];
        }
        foldLongs(sums, lanes, groupCount);
    }

    /** {@code counts[groups[i]]++} for rows {@code [0, n)}. */
    void addCounts(long[] counts, int[] groups, int n, int groupCount) {
        long[] lanes = longLanes(groupCount);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            lanes[groups[i] * LANES]++;
            lanes[groups[i + 1] * LANES + 1]++;
            lanes[groups[i + 2] * LANES + 2]++;
            lanes[groups[i + 3] * LANES + 3]++;
        }
        for (; i < n; i++) {
            lanes[groups[i] * LANES]++;
        }
        foldLongs(counts, lanes, groupCount);
    }

    private long[] longLanes(int groupCount) {
        if (longLanes.length < groupCount * LANES) {
            longLanes = new long[MAX_GROUPS * LANES];
        }
        return longLanes;
    }

    private static void foldLongs(long[] sums, long[] lanes, int groupCount) {
        for (int g = 0; g < groupCount; g++) {
            int at = g * LANES;
            sums[g] += lanes[at] + lanes[at + 1] + lanes[at + 2] + lanes[at + 3];
            lanes[at] = 0;
            lanes[at + 1] = 0;
            lanes[at + 2] = 0;
            lanes[at + 3] = 0;
        }
    }
}
