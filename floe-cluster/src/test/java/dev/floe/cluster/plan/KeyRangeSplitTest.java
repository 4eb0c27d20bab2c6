package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.FileFormat;
import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRangeSplitTest {
    private static final ScanSource SOURCE = new ScanSource(FileFormat.PARQUET, List.of("/data/*.parquet"), Map.of());

    private static RowGroupBounds group(String path, long index, long rows, long min, long max) {
        return new RowGroupBounds(path, index, rows, true, min, max, 0);
    }

    /** Row groups of 100 rows holding keys [10 i, 10 i + 9], {@code perFile} to a file. */
    private static List<RowGroupBounds> sorted(int count, int perFile) {
        List<RowGroupBounds> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(group("/data/f" + i / perFile + ".parquet", i % perFile, 100, 10L * i, 10L * i + 9));
        }
        return groups;
    }

    /** One task per file covering all its row groups, as a source plans them. */
    private static List<ScanTask> fileTasks(List<RowGroupBounds> groups) {
        List<ScanTask> tasks = new ArrayList<>();
        for (RowGroupBounds group : groups) {
            ScanTask last = tasks.isEmpty() ? null : tasks.getLast();
            if (last != null && last.path().equals(group.path())) {
                tasks.set(tasks.size() - 1, new ScanTask(last.path(), last.start(), last.length() + 1,
                        last.estimatedRows() + group.rows(), last.estimatedBytes() + group.rows() * 10, Map.of()));
            } else {
                tasks.add(new ScanTask(group.path(), group.rowGroup(), 1, group.rows(), group.rows() * 10, Map.of()));
            }
        }
        return tasks;
    }

    @Test
    void sortedRowGroupsSplitIntoBalancedRangesThatHoldEveryKeyOnce() {
        List<RowGroupBounds> groups = sorted(6, 3);
        KeyRangeSplit split = KeyRangeSplit.of(SOURCE, "k", groups, fileTasks(groups), 3).orElseThrow();

        assertThat(split.ranges().boundaries()).containsExactly(20L, 40L);
        assertThat(split.partitions()).isEqualTo(3);
        List<List<ScanTask>> tasks = split.splits().stream()
                .map(part -> ((PartitionSplit.ScanSplit) part).tasks()).toList();
        assertThat(tasks.get(0)).containsExactly(new ScanTask("/data/f0.parquet", 0, 2, 200, 2000, Map.of()));
        assertThat(tasks.get(1)).containsExactly(new ScanTask("/data/f0.parquet", 2, 1, 100, 1000, Map.of()),
                new ScanTask("/data/f1.parquet", 0, 1, 100, 1000, Map.of()));
        assertThat(tasks.get(2)).containsExactly(new ScanTask("/data/f1.parquet", 1, 2, 200, 2000, Map.of()));
        assertEveryGroupInItsRange(groups, split);
    }

    @Test
    void rowGroupsListedOutOfKeyOrderStillLandInTheirRange() {
        List<RowGroupBounds> groups = new ArrayList<>(sorted(8, 2));
        List<ScanTask> tasks = new ArrayList<>(fileTasks(groups));
        Collections.reverse(groups);
        Collections.reverse(tasks);
        KeyRangeSplit split = KeyRangeSplit.of(SOURCE, "k", groups, tasks, 4).orElseThrow();

        assertThat(split.ranges().boundaries()).containsExactly(20L, 40L, 60L);
        assertEveryGroupInItsRange(groups, split);
    }

    @Test
    void aRowGroupStraddlingACutRemovesThatCutOnly() {
        List<RowGroupBounds> groups = List.of(group("/a", 0, 100, 0, 9), group("/a", 1, 100, 5, 19),
                group("/a", 2, 100, 20, 29), group("/a", 3, 100, 25, 39));
        assertThat(KeyRangeSplit.boundaries(groups, 4)).contains(List.of(20L));
    }

    @Test
    void aKeyThatSpansTwoRowGroupsIsNoCut() {
        List<RowGroupBounds> groups = List.of(group("/a", 0, 100, 0, 10), group("/a", 1, 100, 10, 20),
                group("/a", 2, 100, 21, 30));
        assertThat(KeyRangeSplit.boundaries(groups, 3)).contains(List.of(21L));
    }

    @Test
    void aRowGroupStraddlingEveryCutMeansNoSplit() {
        List<RowGroupBounds> groups = new ArrayList<>(sorted(6, 6));
        groups.add(group("/data/f1.parquet", 0, 100, 0, 1000));
        assertThat(KeyRangeSplit.boundaries(groups, 3)).isEmpty();
        assertThat(KeyRangeSplit.of(SOURCE, "k", groups, fileTasks(groups), 3)).isEmpty();
    }

    @Test
    void nullsUnknownNullCountsOrMissingBoundsMeanNoSplit() {
        List<RowGroupBounds> nulls = new ArrayList<>(sorted(4, 4));
        nulls.set(2, new RowGroupBounds("/data/f0.parquet", 2, 100, true, 20, 29, 1));
        List<RowGroupBounds> unknownNulls = new ArrayList<>(sorted(4, 4));
        unknownNulls.set(2, new RowGroupBounds("/data/f0.parquet", 2, 100, true, 20, 29, -1));
        List<RowGroupBounds> noBounds = new ArrayList<>(sorted(4, 4));
        noBounds.set(2, new RowGroupBounds("/data/f0.parquet", 2, 100, false, 0, 0, 0));

        assertThat(KeyRangeSplit.boundaries(nulls, 2)).isEmpty();
        assertThat(KeyRangeSplit.boundaries(unknownNulls, 2)).isEmpty();
        assertThat(KeyRangeSplit.boundaries(noBounds, 2)).isEmpty();
    }

    @Test
    void cutsFollowRowsNotRowGroupCounts() {
        List<RowGroupBounds> groups = List.of(group("/a", 0, 1000, 0, 9), group("/a", 1, 10, 10, 19),
                group("/a", 2, 10, 20, 29), group("/a", 3, 10, 30, 39));
        assertThat(KeyRangeSplit.boundaries(groups, 2)).contains(List.of(10L));
    }

    @Test
    void fewerCutPointsThanPartitionsGiveFewerPartitions() {
        List<RowGroupBounds> groups = sorted(3, 3);
        KeyRangeSplit split = KeyRangeSplit.of(SOURCE, "k", groups, fileTasks(groups), 6).orElseThrow();
        assertThat(split.partitions()).isEqualTo(3);
        assertThat(KeyRangeSplit.boundaries(sorted(1, 1), 6)).isEmpty();
        assertThat(KeyRangeSplit.boundaries(sorted(4, 4), 1)).isEmpty();
    }

    @Test
    void aTaskNamingARowGroupWithoutStatisticsMeansNoSplit() {
        List<RowGroupBounds> groups = sorted(4, 4);
        List<ScanTask> tasks = List.of(new ScanTask("/data/f0.parquet", 0, 5, 500, 5000, Map.of()));
        assertThat(KeyRangeSplit.of(SOURCE, "k", groups, tasks, 2)).isEmpty();
    }

    @Test
    void aPartitionLeftWithoutTasksMeansNoSplit() {
        List<RowGroupBounds> groups = sorted(4, 4);
        List<ScanTask> firstHalf = List.of(new ScanTask("/data/f0.parquet", 0, 2, 200, 2000, Map.of()));
        assertThat(KeyRangeSplit.of(SOURCE, "k", groups, firstHalf, 2)).isEmpty();
    }

    private static void assertEveryGroupInItsRange(List<RowGroupBounds> groups, KeyRangeSplit split) {
        List<Long> cuts = split.ranges().boundaries();
        long assignedRows = 0;
        for (int p = 0; p < split.partitions(); p++) {
            long low = p == 0 ? Long.MIN_VALUE : cuts.get(p - 1);
            long high = p == cuts.size() ? Long.MAX_VALUE : cuts.get(p);
            for (ScanTask task : ((PartitionSplit.ScanSplit) split.splits().get(p)).tasks()) {
                assignedRows += task.estimatedRows();
                for (long index = task.start(); index < task.start() + task.length(); index++) {
                    long rowGroup = index;
                    RowGroupBounds group = groups.stream().filter(g -> g.path().equals(task.path())
                            && g.rowGroup() == rowGroup).findFirst().orElseThrow();
                    assertThat(group.min()).isGreaterThanOrEqualTo(low);
                    assertThat(group.max()).isLessThan(high);
                }
            }
        }
        assertThat(assignedRows).isEqualTo(groups.stream().mapToLong(RowGroupBounds::rows).sum());
        assertThat(Optional.of(split.ranges().partitions())).contains(split.partitions());
    }
}
