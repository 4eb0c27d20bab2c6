package dev.floe.cluster.plan;

import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a scan's tasks into the partitions of its stage. The count follows the data: at most {@code partitions}
 * (workers times partitions per worker) and at most one per task (the source's grain: runs of row groups up to
 * about half a million rows for Parquet, whole files otherwise). When the format can split files (Parquet row
 * groups) the tasks are cut into runs of about equal bytes in file order, so one big file feeds several
 * partitions; otherwise whole files are balanced by bytes.
 */
public final class ScanPartitioner {

    private ScanPartitioner() {
    }

    /** The tasks of each partition, never empty: one empty group when there are no tasks. */
    public static List<List<ScanTask>> partition(List<ScanTask> tasks, boolean splitFiles, int partitions) {
        if (tasks.isEmpty()) {
            return List.of(List.of());
        }
        int wanted = Math.min(partitions, tasks.size());
        return splitFiles ? runs(tasks, wanted) : wholeFiles(tasks, wanted);
    }

    /** Consecutive runs of tasks of about {@code total / groups} bytes each (fewer when tasks are lumpy). */
    private static List<List<ScanTask>> runs(List<ScanTask> tasks, int groups) {
        List<ScanTask> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.comparing(ScanTask::path).thenComparingLong(ScanTask::start));
        long total = 0;
        for (ScanTask task : ordered) {
            total += size(task);
        }
        List<List<ScanTask>> result = new ArrayList<>();
        int current = -1;
        long before = 0;
        for (ScanTask task : ordered) {
            long size = size(task);
            int group = (int) Math.min(groups - 1, (long) ((before + size / 2.0) * groups / total));
            if (group > current) {
                result.add(new ArrayList<>());
                current = group;
            }
            result.getLast().add(task);
            before += size;
        }
        return result;
    }

    private static long size(ScanTask task) {
        return Math.max(1, task.estimatedBytes());
    }

    /** Whole files (all the tasks of a file together) balanced by bytes over at most {@code groups} partitions. */
    private static List<List<ScanTask>> wholeFiles(List<ScanTask> tasks, int groups) {
        Map<String, List<ScanTask>> byFile = new LinkedHashMap<>();
        for (ScanTask task : tasks) {
            byFile.computeIfAbsent(task.path(), path -> new ArrayList<>()).add(task);
        }
        List<List<ScanTask>> files = new ArrayList<>(byFile.values());
        files.sort(Comparator.comparingLong(ScanPartitioner::bytes).reversed()
                .thenComparing(file -> file.getFirst().path()));
        int count = Math.min(groups, files.size());
        List<List<ScanTask>> assigned = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            assigned.add(new ArrayList<>());
        }
        for (List<ScanTask> file : files) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            assigned.get(lightest).addAll(file);
            load[lightest] += Math.max(1, bytes(file));
        }
        for (List<ScanTask> group : assigned) {
            group.sort(Comparator.comparing(ScanTask::path).thenComparingLong(ScanTask::start));
        }
        return assigned;
    }

    private static long bytes(List<ScanTask> tasks) {
        long total = 0;
        for (ScanTask task : tasks) {
            total += Math.max(0, task.estimatedBytes());
        }
        return total;
    }
}
