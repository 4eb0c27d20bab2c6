package dev.floe.io.parquet;

/**
 * The per-row loops of predicate selection over a row group, kept out of the per-row-group methods that call them:
 * a row loop inside such a method makes the JIT compile the whole method (with everything it inlines, several
 * thousand bytes) on stack replacement and again after each deoptimization, while the methods run only a few
 * times per row group. Small loops here get compiled once and shared by every caller.
 */
final class RowMasks {
    private RowMasks() {
    }

    /** {@code keep[i] &= other[i]} for the first {@code rows} rows. */
    static void and(boolean[] keep, boolean[] other, int rows) {
        for (int i = 0; i < rows; i++) {
            keep[i] &= other[i];
        }
    }

    /** How many of the first {@code rows} rows {@code keep} marks. */
    static int count(boolean[] keep, int rows) {
        int count = 0;
        for (int i = 0; i < rows; i++) {
            count += keep[i] ? 1 : 0;
        }
        return count;
    }

    /** Writes the rows {@code keep} marks, in order, to the start of {@code candidates} and returns how many. */
    static int candidates(boolean[] keep, int rows, int[] candidates) {
        int count = 0;
        for (int i = 0; i < rows; i++) {
            candidates[count] = i;
            count += keep[i] ? 1 : 0;
        }
        return count;
    }

    /** Keeps the first {@code count} candidates whose row {@code keep} marks, in place; returns how many are left. */
    static int retain(int[] candidates, int count, boolean[] keep) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = candidates[k];
            candidates[kept] = row;
            kept += keep[row] ? 1 : 0;
        }
        return kept;
    }

    /** A mask of {@code rows} rows marking the first {@code count} candidates. */
    static boolean[] mask(int[] candidates, int count, int rows) {
        boolean[] result = new boolean[rows];
        for (int k = 0; k < count; k++) {
            result[candidates[k]] = true;
        }
        return result;
    }
}
