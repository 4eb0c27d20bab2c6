package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.Slice;
import java.util.ArrayList;
import java.util.List;

/**
 * slice/head/tail: rows {@code [offset, offset + length)} of the ordered input; a negative offset counts from the
 * end. A slice from the start stops reading the input once a prefix of it has enough rows.
 */
final class SlicePlanner {
    private SlicePlanner() {
    }

    static Pipeline plan(Slice slice, PhysicalPlanner planner) {
        List<Batch> batches = slice.offset() >= 0
                ? CollectSink.collectHead(planner.context(), planner.plan(slice.input()),
                        saturatedAdd(slice.offset(), slice.length()))
                : planner.materialize(slice.input());
        return planner.source(slice.schema(), slice(batches, slice.offset(), slice.length()));
    }

    static List<Batch> slice(List<Batch> batches, long offset, long length) {
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        long start = offset >= 0 ? Math.min(offset, total) : Math.max(0, total + offset);
        long end = Math.min(total, saturatedAdd(start, length));
        List<Batch> out = new ArrayList<>();
        long position = 0;
        for (Batch batch : batches) {
            long batchStart = position;
            long batchEnd = position + batch.rowCount();
            position = batchEnd;
            long from = Math.max(start, batchStart);
            long to = Math.min(end, batchEnd);
            if (from < to) {
                out.add(batch.slice((int) (from - batchStart), (int) (to - from)));
            }
        }
        return out;
    }

    /** {@code a + b} for non-negative values, Long.MAX_VALUE instead of overflowing. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
