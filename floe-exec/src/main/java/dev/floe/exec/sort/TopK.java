package dev.floe.exec.sort;

import dev.floe.core.vector.Vector;
import java.util.List;

/**
 * The first {@code k} rows in sort order without sorting everything: a bounded max-heap of row indices (the
 * worst kept row on top), then a stable sort of the survivors. Ties keep input order: a later row never
 * displaces an equal earlier one.
 */
public final class TopK {
    private TopK() {
    }

    public static int[] select(int n, int k, List<Vector> keys, boolean[] descending, boolean[] nullsLast) {
        RowComparator byKeys = KeyComparators.of(keys, descending, nullsLast);
        RowComparator comparator = (a, b) -> {
            int c = byKeys.compare(a, b);
            return c != 0 ? c : Integer.compare(a, b);
        };
        int size = Math.min(k, n);
        int[] heap = new int[size];
        int count = 0;
        for (int row = 0; row < n && size > 0; row++) {
            if (count < size) {
                heap[count] = row;
                siftUp(heap, count++, comparator);
            } else if (comparator.compare(row, heap[0]) < 0) {
                heap[0] = row;
                siftDown(heap, count, comparator);
            }
        }
        IndexSorter.sort(heap, 0, count, comparator);
        return heap;
    }

    private static void siftUp(int[] heap, int index, RowComparator comparator) {
        int row = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (comparator.compare(heap[parent], row) >= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = row;
    }

    private static void siftDown(int[] heap, int count, RowComparator comparator) {
        int index = 0;
        int row = heap[0];
        while (true) {
            int child = 2 * index + 1;
            if (child >= count) {
                break;
            }
            if (child + 1 < count && comparator.compare(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (comparator.compare(heap[child], row) <= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = row;
    }
}
