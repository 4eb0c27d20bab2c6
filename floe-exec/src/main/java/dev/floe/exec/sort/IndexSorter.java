package dev.floe.exec.sort;

/** A stable merge sort of row indices with a {@link RowComparator} (insertion sort for short runs). */
public final class IndexSorter {
    private static final int INSERTION_THRESHOLD = 24;

    private IndexSorter() {
    }

    /** The identity permutation {@code 0 .. n-1} sorted stably by the comparator. */
    public static int[] sortedIndices(int n, RowComparator comparator) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        sort(rows, 0, n, comparator);
        return rows;
    }

    /** Sorts {@code rows[from, to)} stably. */
    public static void sort(int[] rows, int from, int to, RowComparator comparator) {
        int[] buffer = new int[to - from];
        mergeSort(rows, buffer, from, to, comparator);
    }

    private static void mergeSort(int[] rows, int[] buffer, int from, int to, RowComparator comparator) {
        if (to - from <= INSERTION_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= from && comparator.compare(rows[j], row) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(rows, buffer, from, middle, comparator);
        mergeSort(rows, buffer, middle, to, comparator);
        if (comparator.compare(rows[middle - 1], rows[middle]) <= 0) {
            return;
        }
        merge(rows, buffer, from, middle, to, comparator);
    }

    /** Merges the sorted runs {@code [from, middle)} and {@code [middle, to)} stably. */
    static void merge(int[] rows, int[] buffer, int from, int middle, int to, RowComparator comparator) {
        int length = middle - from;
        System.arraycopy(rows, from, buffer, 0, length);
        int i = 0;
        int j = middle;
        int out = from;
        while (i < length && j < to) {
            if (comparator.compare(rows[j], buffer[i]) < 0) {
                rows[out++] = rows[j++];
            } else {
                rows[out++] = buffer[i++];
            }
        }
        while (i < length) {
            rows[out++] = buffer[i++];
        }
    }
}
