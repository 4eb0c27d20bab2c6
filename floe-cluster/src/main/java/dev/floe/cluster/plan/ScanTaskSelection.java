package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets one partition of a scan read only some row groups of a Parquet file, so a big file feeds several tasks.
 * The coordinator narrows a partition's scan to its files and records the row-group ranges in a scan option
 * ({@link #OPTION}: per path, {@code start+length} ranges); on the worker, {@link #opener} wraps the table
 * source so that its tasks are clipped to those ranges. Readers ignore the option, so a scan without the wrapper
 * would still be correct, only reading whole files.
 */
public final class ScanTaskSelection {
    /** The scan option that lists the selected row-group ranges: {@code 0+4,9+2;0+12}, one group per path. */
    public static final String OPTION = "floe.scan.row_groups";

    private ScanTaskSelection() {
    }

    /** Whether a format's tasks can be cut inside a file (Parquet row groups) rather than by whole files. */
    public static boolean splitsFiles(FileFormat format) {
        return format == FileFormat.PARQUET;
    }

    /** {@code scan} narrowed to the files of {@code tasks}, and to their row groups when the format allows it. */
    public static Scan narrow(Scan scan, List<ScanTask> tasks) {
        if (tasks.isEmpty()) {
            return scan;
        }
        Map<String, List<ScanTask>> byPath = new LinkedHashMap<>();
        tasks.forEach(task -> byPath.computeIfAbsent(task.path(), path -> new ArrayList<>()).add(task));
        Map<String, String> options = new TreeMap<>(scan.source().options());
        if (splitsFiles(scan.source().format())) {
            List<String> perPath = new ArrayList<>();
            for (List<ScanTask> fileTasks : byPath.values()) {
                List<String> ranges = new ArrayList<>();
                fileTasks.forEach(task -> ranges.add(task.start() + "+" + task.length()));
                perPath.add(String.join(",", ranges));
            }
            options.put(OPTION, String.join(";", perPath));
        }
        ScanSource source = new ScanSource(scan.source().format(), List.copyOf(byPath.keySet()), options);
        return new Scan(source, scan.tableSchema(), scan.projection(), scan.predicate(), scan.limit());
    }

    /** Opens tables with {@code base}, clipping the tasks of a source that carries {@link #OPTION}. */
    public static TableOpener opener(TableOpener base) {
        return source -> {
            TableSource table = base.open(source);
            String value = source.options().get(OPTION);
            return value == null ? table : new Selected(table, parse(source.paths(), value));
        };
    }

    /** The selected {@code [start, end)} ranges of each path. */
    static Map<String, List<long[]>> parse(List<String> paths, String value) {
        String[] perPath = value.split(";", -1);
        if (perPath.length != paths.size()) {
            throw FloeException.internal("scan option " + OPTION + " has " + perPath.length + " groups for "
                    + paths.size() + " paths");
        }
        Map<String, List<long[]>> ranges = new LinkedHashMap<>();
        for (int i = 0; i < perPath.length; i++) {
            List<long[]> list = new ArrayList<>();
            for (String range : perPath[i].split(",")) {
                int plus = range.indexOf('+');
                try {
                    long start = Long.parseLong(range.substring(0, plus));
                    long length = Long.parseLong(range.substring(plus + 1));
                    list.add(new long[] {start, start + length});
                } catch (RuntimeException e) {
                    throw FloeException.internal("malformed range '" + range + "' in scan option " + OPTION);
                }
            }
            ranges.put(paths.get(i), list);
        }
        return ranges;
    }

    /** Clips {@code tasks} to the selected ranges of their files; rows and bytes are estimated pro rata. */
    static List<ScanTask> clip(List<ScanTask> tasks, Map<String, List<long[]>> selected) {
        List<ScanTask> result = new ArrayList<>();
        for (ScanTask task : tasks) {
            List<long[]> ranges = selected.get(task.path());
            if (ranges == null) {
                continue;
            }
            long taskEnd = task.start() + task.length();
            for (long[] range : ranges) {
                long start = Math.max(task.start(), range[0]);
                long end = Math.min(taskEnd, range[1]);
                if (start >= end) {
                    continue;
                }
                if (start == task.start() && end == taskEnd) {
                    result.add(task);
                } else {
                    double share = (double) (end - start) / Math.max(1, task.length());
                    result.add(new ScanTask(task.path(), start, end - start, prorate(task.estimatedRows(), share),
                            prorate(task.estimatedBytes(), share), task.partitionValues()));
                }
            }
        }
        return result;
    }

    private static long prorate(long value, double share) {
        return value < 0 ? value : Math.round(value * share);
    }

    /** A table source whose tasks are clipped to the selected row groups. */
    private record Selected(TableSource table, Map<String, List<long[]>> ranges) implements TableSource {
        @Override
        public ScanSource source() {
            return table.source();
        }

        @Override
        public Schema schema() {
            return table.schema();
        }

        @Override
        public List<ScanTask> plan(ScanRequest request) {
            return clip(table.plan(request), ranges);
        }

        @Override
        public BatchReader open(ScanTask task, ScanRequest request) {
            return table.open(task, request);
        }

        /** The sizes of the selected row groups only, so a task reports the rows it was given. */
        @Override
        public SourceStatistics statistics() {
            List<ScanTask> tasks = plan(ScanRequest.all());
            long rows = 0;
            long bytes = 0;
            long groups = 0;
            for (ScanTask task : tasks) {
                rows += Math.max(0, task.estimatedRows());
                bytes += Math.max(0, task.estimatedBytes());
                groups += task.length();
            }
            return new SourceStatistics(ranges.size(), groups, rows, bytes);
        }
    }
}
