package dev.floe.exec.aggregate;

import dev.floe.core.vector.Vector;

/**
 * The per-group state of one aggregate function inside one thread: updated from morsels with the rows' group
 * ids, merged with another thread's partial state, and finished into one output value per group.
 */
public interface Accumulator {
    /**
     * Adds rows {@code [0, groups.length)} of {@code input} ({@code null} for {@code len()}); {@code position}
     * is the global order of row 0, increasing with the input's order (for first/last).
     */
    void update(int[] groups, int groupCount, Vector input, long position);

    /**
     * Folds groups {@code sources[0 .. count)} of another partial state into this one's groups
     * {@code targets[0 .. count)}; this state then has {@code groupCount} groups.
     */
    void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount);

    Vector finish(int groupCount);
}
