package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanPartitionerTest {
    private static final long MB = 1024L * 1024;

    private static List<ScanTask> rowGroupRuns(String path, int runs, long bytesEach) {
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            tasks.add(new ScanTask(path, 4L * i, 4, 1000, bytesEach, Map.of()));
        }
        return tasks;
    }

    private static long bytes(List<ScanTask> group) {
        return group.stream().mapToLong(ScanTask::estimatedBytes).sum();
    }

    @Test
    void oneBigFileFeedsEveryPartitionInRowGroupOrder() {
        List<ScanTask> tasks = rowGroupRuns("big.parquet", 12, 10 * MB);
        List<List<ScanTask>> groups = ScanPartitioner.partition(tasks, true, 6);

        assertThat(groups).hasSize(6).allSatisfy(group -> assertThat(bytes(group)).isEqualTo(20 * MB));
        assertThat(groups.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(tasks);
    }

    @Test
    void wholeFilesWhenTheFormatCannotSplitThem() {
        List<ScanTask> tasks = new ArrayList<>(rowGroupRuns("a.csv", 6, 10 * MB));
        tasks.addAll(rowGroupRuns("b.csv", 2, 10 * MB));
        List<List<ScanTask>> groups = ScanPartitioner.partition(tasks, false, 6);

        assertThat(groups).hasSize(2);
        assertThat(groups).allSatisfy(group -> assertThat(group.stream().map(ScanTask::path).distinct()).hasSize(1));
    }

    @Test
    void smallDataTakesFewerPartitions() {
        assertThat(ScanPartitioner.partition(rowGroupRuns("small.parquet", 1, 100_000), true, 6)).hasSize(1);
        assertThat(ScanPartitioner.partition(rowGroupRuns("mid.parquet", 2, MB), true, 6)).hasSize(2);
    }

    @Test
    void neverMorePartitionsThanAsked() {
        assertThat(ScanPartitioner.partition(rowGroupRuns("big.parquet", 40, 10 * MB), true, 6)).hasSize(6);
    }

    @Test
    void lumpyTasksLeaveNoEmptyPartition() {
        List<ScanTask> tasks = new ArrayList<>(rowGroupRuns("a.parquet", 1, 100 * MB));
        tasks.addAll(rowGroupRuns("b.parquet", 3, MB));
        List<List<ScanTask>> groups = ScanPartitioner.partition(tasks, true, 6);

        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(group).isNotEmpty());
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(4);
    }

    @Test
    void noTasksIsOneEmptyPartition() {
        assertThat(ScanPartitioner.partition(List.of(), true, 6)).containsExactly(List.of());
    }
}
