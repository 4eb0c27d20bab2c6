package dev.floe.exec.sort;

/** Compares two rows by index, without boxing: the comparator of an index-permutation sort. */
@FunctionalInterface
public interface RowComparator {
    int compare(int left, int right);
}
