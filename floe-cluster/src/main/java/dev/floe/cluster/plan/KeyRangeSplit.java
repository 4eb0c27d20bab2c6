package dev.floe.cluster.plan;

import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan's row groups split by ranges of one integer or date key column, so that all the rows of each key value
 * are in one partition. It exists only when the statistics prove it: every row group records min and max and no
 * nulls of the key, and the cut points are strict (no row group has {@code min < b <= max} for a boundary
 * {@code b}). Up to the plan's partition count, the cuts are chosen to balance the partitions by rows. Data laid out
 * by the key (PDS-H lineitem and orders by orderkey) has such cuts between most row groups.
 */
record KeyRangeSplit(KeyRanges ranges, List<PartitionSplit> splits) {
    KeyRangeSplit {
        splits = List.copyOf(splits);
    }

    /**
     * The split of {@code tasks} (the source's scan tasks: files or row-group runs) by {@code column}, given the
     * statistics of every row group of the source; empty when the statistics do not prove a split of at least two
     * partitions, or a task names a row group the statistics lack.
     */
    static Optional<KeyRangeSplit> of(ScanSource source, String column, List<RowGroupBounds> groups,
            List<ScanTask> tasks, int partitions) {
        Optional<List<Long>> boundaries = boundaries(groups, partitions);
        if (boundaries.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<List<ScanTask>>> assigned = assign(groups, boundaries.get(), tasks);
        if (assigned.isEmpty()) {
            return Optional.empty();
        }
        List<PartitionSplit> splits = new ArrayList<>();
        assigned.get().forEach(group -> splits.add(new PartitionSplit.ScanSplit(group)));
        return Optional.of(new KeyRangeSplit(new KeyRanges(source, column, boundaries.get()), splits));
    }

    int partitions() {
        return splits.size();
    }

    /**
     * At most {@code partitions - 1} strict cut points, increasing, chosen nearest to equal row counts; empty when
     * a row group lacks bounds or may hold nulls, or when there is no strict cut point.
     */
    static Optional<List<Long>> boundaries(List<RowGroupBounds> groups, int partitions) {
        if (partitions < 2 || groups.size() < 2) {
            return Optional.empty();
        }
        for (RowGroupBounds group : groups) {
            if (!group.hasBounds() || group.nullCount() != 0) {
                return Optional.empty();
            }
        }
        List<RowGroupBounds> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingLong(RowGroupBounds::min).thenComparingLong(RowGroupBounds::max));
        long[] cuts = new long[sorted.size()];
        long[] rowsBefore = new long[sorted.size()];
        int count = 0;
        long rows = sorted.getFirst().rows();
        long maxSoFar = sorted.getFirst().max();
        for (int i = 1; i < sorted.size(); i++) {
            RowGroupBounds group = sorted.get(i);
            if (maxSoFar < group.min()) {
                cuts[count] = group.min();
                rowsBefore[count] = rows;
                count++;
            }
            rows += group.rows();
            maxSoFar = Math.max(maxSoFar, group.max());
        }
        List<Long> chosen = new ArrayList<>();
        int last = -1;
        for (int k = 1; k < partitions && last + 1 < count; k++) {
            double target = (double) rows * k / partitions;
            int pick = nearest(rowsBefore, last + 1, count, target);
            chosen.add(cuts[pick]);
            last = pick;
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
    }

    /** The index in {@code [from, to)} whose row count before the cut is nearest to {@code target}. */
    private static int nearest(long[] rowsBefore, int from, int to, double target) {
        int index = Arrays.binarySearch(rowsBefore, from, to, (long) Math.ceil(target));
        int after = index >= 0 ? index : Math.min(to - 1, -index - 1);
        int before = Math.max(from, after - 1);
        return Math.abs(rowsBefore[before] - target) <= Math.abs(rowsBefore[after] - target) ? before : after;
    }

    /**
     * Each partition's tasks: every task is cut into its row groups, each goes to the range holding its bounds,
     * and consecutive row groups of a file in one partition join again into one task. Empty when a row group of a
     * task is unknown or a partition would be empty.
     */
    static Optional<List<List<ScanTask>>> assign(List<RowGroupBounds> groups, List<Long> boundaries,
            List<ScanTask> tasks) {
        Map<String, Map<Long, RowGroupBounds>> byFile = new HashMap<>();
        for (RowGroupBounds group : groups) {
            byFile.computeIfAbsent(group.path(), path -> new HashMap<>()).put(group.rowGroup(), group);
        }
        long[] cuts = boundaries.stream().mapToLong(Long::longValue).toArray();
        List<List<ScanTask>> partitions = new ArrayList<>();
        for (int i = 0; i <= cuts.length; i++) {
            partitions.add(new ArrayList<>());
        }
        for (ScanTask task : tasks) {
            Map<Long, RowGroupBounds> file = byFile.getOrDefault(task.path(), Map.of());
            for (long rowGroup = task.start(); rowGroup < task.start() + task.length(); rowGroup++) {
                RowGroupBounds group = file.get(rowGroup);
                if (group == null) {
                    return Optional.empty();
                }
                int partition = partitionOf(cuts, group.min());
                add(partitions.get(partition), piece(task, group));
            }
        }
        if (partitions.stream().anyMatch(List::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(partitions);
    }

    /** The partition whose range holds {@code key}: the number of boundaries at or below it. */
    private static int partitionOf(long[] cuts, long key) {
        int index = Arrays.binarySearch(cuts, key);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** One row group of {@code task}, its bytes estimated pro rata of the task's rows. */
    private static ScanTask piece(ScanTask task, RowGroupBounds group) {
        long bytes = task.estimatedBytes() < 0 ? -1 : task.estimatedRows() > 0
                ? Math.round((double) task.estimatedBytes() * group.rows() / task.estimatedRows())
                : task.estimatedBytes() / Math.max(1, task.length());
        return new ScanTask(task.path(), group.rowGroup(), 1, group.rows(), bytes, task.partitionValues());
    }

    /** Appends {@code piece}, joined to the last task when it is the next row group of the same file. */
    private static void add(List<ScanTask> partition, ScanTask piece) {
        if (!partition.isEmpty()) {
            ScanTask last = partition.getLast();
            if (last.path().equals(piece.path()) && last.start() + last.length() == piece.start()) {
                long bytes = last.estimatedBytes() < 0 || piece.estimatedBytes() < 0 ? -1
                        : last.estimatedBytes() + piece.estimatedBytes();
                partition.set(partition.size() - 1, new ScanTask(last.path(), last.start(), last.length() + 1,
                        last.estimatedRows() + piece.estimatedRows(), bytes, last.partitionValues()));
                return;
            }
        }
        partition.add(piece);
    }
}
