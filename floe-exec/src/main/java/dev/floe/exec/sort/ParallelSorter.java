package dev.floe.exec.sort;

import dev.floe.core.vector.Vector;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.PipelineRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sorts row indices by key columns: each thread sorts one run of the rows, then the runs are merged pairwise
 * (stable: equal rows keep their input order).
 */
public final class ParallelSorter {
    private static final int MIN_ROWS_PER_RUN = 16_384;

    private ParallelSorter() {
    }

    public static int[] sort(int n, List<Vector> keys, boolean[] descending, boolean[] nullsLast,
            ExecutionContext context) {
        RowComparator comparator = KeyComparators.of(keys, descending, nullsLast);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int runs = Math.max(1, Math.min(context.threads(), n / MIN_ROWS_PER_RUN));
        if (runs == 1 || context.pool() == null) {
            IndexSorter.sort(rows, 0, n, comparator);
            return rows;
        }
        int[] bounds = new int[runs + 1];
        for (int r = 0; r <= runs; r++) {
            bounds[r] = (int) ((long) n * r / runs);
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            int from = bounds[r];
            int to = bounds[r + 1];
            futures.add(context.pool().submit(() -> IndexSorter.sort(rows, from, to, comparator)));
        }
        await(futures);
        int[] buffer = new int[n];
        for (int width = 1; width < runs; width *= 2) {
            for (int r = 0; r + width < runs; r += 2 * width) {
                int from = bounds[r];
                int middle = bounds[r + width];
                int to = bounds[Math.min(runs, r + 2 * width)];
                IndexSorter.merge(rows, buffer, from, middle, to, comparator);
            }
        }
        return rows;
    }

    private static void await(List<Future<?>> futures) {
        Throwable failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure = interrupted;
            } catch (ExecutionException error) {
                failure = failure == null ? error.getCause() : failure;
            }
        }
        if (failure != null) {
            throw PipelineRunner.rethrowable(failure);
        }
    }
}
