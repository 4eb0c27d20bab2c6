package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.io.ColumnBounds;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.predicate.ColumnPredicate.CompareOp;
import dev.floe.io.testing.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning, pruning, projection, limits, hive partitions and the table options. */
class ParquetTableSourceTest {
    private static final String SORTED = "parquet/edge/sorted_100k_rg10k_polars.parquet";

    private static ScanRequest filtered(ColumnPredicate predicate) {
        return new ScanRequest(null, predicate, -1, ScanRequest.DEFAULT_BATCH_SIZE);
    }

    private static List<Long> rowGroupsOf(List<ScanTask> tasks) {
        List<Long> groups = new ArrayList<>();
        for (ScanTask task : tasks) {
            for (long g = task.start(); g < task.start() + task.length(); g++) {
                groups.add(g);
            }
        }
        return groups;
    }

    @Test
    void equalityKeepsOnlyTheRowGroupThatCanHoldTheValue() {
        for (String file : List.of(SORTED, "parquet/edge/sorted_100k_rg10k_duckdb.parquet")) {
            TableSource table = ParquetTableSource.open(Fixtures.source(file, Map.of()));
            var predicate = new ColumnPredicate.Compare("id", CompareOp.EQ, 250_000L);
            assertThat(rowGroupsOf(table.plan(filtered(predicate)))).containsExactly(2L);
            Batch batch = Fixtures.readAll(table, filtered(predicate));
            assertThat(batch.rowCount()).isEqualTo(10_000);
            assertThat(((LongVector) batch.column("id")).get(0)).isEqualTo(200_000L);
        }
    }

    @Test
    void rangesBeyondTheDataKeepNothing() {
        TableSource table = ParquetTableSource.open(Fixtures.source(SORTED, Map.of()));
        assertThat(table.plan(filtered(new ColumnPredicate.Compare("id", CompareOp.GT_EQ, 1_000_000L)))).isEmpty();
        assertThat(table.plan(filtered(new ColumnPredicate.Compare("id", CompareOp.LT, 0L)))).isEmpty();
        assertThat(rowGroupsOf(table.plan(filtered(new ColumnPredicate.Compare("id", CompareOp.GT, 999_990L)))))
                .isEmpty();
        assertThat(rowGroupsOf(table.plan(filtered(new ColumnPredicate.Compare("id", CompareOp.GT_EQ, 899_990L)))))
                .containsExactly(8L, 9L);
        var or = new ColumnPredicate.Or(List.of(new ColumnPredicate.Compare("id", CompareOp.EQ, 5L),
                new ColumnPredicate.In("id", List.of(950_000L))));
        assertThat(rowGroupsOf(table.plan(filtered(or)))).containsExactly(0L, 9L);
        assertThat(rowGroupsOf(table.plan(filtered(new ColumnPredicate.IsNull("id"))))).isEmpty();
        assertThat(rowGroupsOf(table.plan(filtered(new ColumnPredicate.Not(
                new ColumnPredicate.Compare("id", CompareOp.EQ, 5L)))))).hasSize(10);
    }

    @Test
    void stringAndDateStatisticsPrune() {
        TableSource table = ParquetTableSource.open(
                Fixtures.source("parquet/edge/many_row_groups_polars.parquet", Map.of()));
        Batch all = Fixtures.readAll(table, ScanRequest.all());
        var predicate = new ColumnPredicate.Compare("id", CompareOp.LT, ((LongVector) all.column("id")).get(120));
        List<Long> kept = rowGroupsOf(table.plan(filtered(predicate)));
        assertThat(kept).containsExactly(0L, 1L, 2L);
        Object someString = all.column("s").getObject(10);
        var equal = new ColumnPredicate.Compare("s", CompareOp.EQ, someString);
        Batch matching = Fixtures.readAll(table, filtered(equal));
        int expected = 0;
        for (int row = 0; row < all.rowCount(); row++) {
            if (someString.equals(all.column("s").getObject(row))) {
                expected++;
            }
        }
        int found = 0;
        for (int row = 0; row < matching.rowCount(); row++) {
            if (someString.equals(matching.column("s").getObject(row))) {
                found++;
            }
        }
        assertThat(found).isEqualTo(expected).isPositive();
    }

    @Test
    void columnBoundsAreTheSmallestAndLargestValueOfEveryRowGroup() {
        TableSource table = ParquetTableSource.open(Fixtures.source(SORTED, Map.of()));
        LongVector ids = (LongVector) Fixtures.readAll(table, ScanRequest.all()).column("id");
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < ids.length(); row++) {
            min = Math.min(min, ids.get(row));
            max = Math.max(max, ids.get(row));
        }
        assertThat(table.columnBounds("id")).contains(new ColumnBounds(min, max));
        assertThat(min).isLessThan(max);
        assertThat(table.columnBounds("no_such_column")).isEmpty();
        TableSource strings = ParquetTableSource.open(
                Fixtures.source("parquet/edge/many_row_groups_polars.parquet", Map.of()));
        assertThat(strings.columnBounds("s")).isEmpty();
    }

    @Test
    void projectionAndRowLimit() {
        ScanSource source = Fixtures.source("parquet/types/polars_zstd_rg300.parquet", Map.of("n_rows", "450"));
        TableSource table = ParquetTableSource.open(source);
        ScanRequest request = new ScanRequest(List.of("str", "row_id"), null, -1, 100);
        Batch batch = Fixtures.readAll(table, request);
        assertThat(batch.rowCount()).isEqualTo(450);
        assertThat(batch.schema().names()).containsExactly("str", "row_id");
        assertThat(((LongVector) batch.column("row_id")).get(449)).isEqualTo(449);
        ScanRequest limited = new ScanRequest(List.of("row_id"), null, 10, 100);
        assertThat(Fixtures.readAll(ParquetTableSource.open(Fixtures.source(
                "parquet/types/polars_zstd_rg300.parquet", Map.of())), limited).rowCount()).isEqualTo(10);
    }

    @Test
    void hivePartitionsAreTypedColumnsAndPrune() throws Exception {
        TableSource table = TableSources.open(Fixtures.source("parquet/hive/sales", Map.of()));
        assertThat(table.schema().names()).containsExactly("row_id", "value", "label", "year", "month", "region");
        assertThat(table.schema().field("year").type()).isEqualTo(DataType.INT64);
        Batch batch = Fixtures.readAll(table, ScanRequest.all());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < batch.rowCount(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(row -> ((LongVector) batch.column("row_id")).get(row)));
        int[] rows = order.stream().mapToInt(Integer::intValue).toArray();
        Batch sorted = batch.take(rows, rows.length);
        var expected = Json.readLines(Fixtures.path("expected/hive.ndjson"));
        Batch reordered = sorted.withSchema(sorted.schema());
        List<String> names = List.of("row_id", "year", "month", "region", "value", "label");
        assertThat(ExpectedValues.mismatches(selectColumns(reordered, names), expected)).isEmpty();

        var predicate = new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("year", CompareOp.EQ, 2024L),
                new ColumnPredicate.Compare("region", CompareOp.EQ, "zürich")));
        List<ScanTask> tasks = table.plan(filtered(predicate));
        assertThat(tasks).isNotEmpty().allSatisfy(task -> {
            assertThat(task.partitionValues().get("year")).isEqualTo("2024");
            assertThat(task.partitionValues().get("region")).isEqualTo("zürich");
        });
        assertThat(table.plan(filtered(new ColumnPredicate.IsNull("region")))).isNotEmpty()
                .allSatisfy(task -> assertThat(task.partitionValues().get("region")).isNull());
    }

    @Test
    void globsSelectFilesAndKeepPartitionsBelowTheirFixedPrefix() {
        String root = Fixtures.path("parquet/hive/sales").toString();
        TableSource all = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(root + "/**/*.parquet"),
                Map.of()));
        assertThat(all.statistics().files()).isEqualTo(28);
        assertThat(all.schema().names()).containsExactly("row_id", "value", "label", "year", "month", "region");
        TableSource year2024 = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET,
                List.of(root + "/year=2024/*/*/*.parquet"), Map.of()));
        Batch batch = Fixtures.readAll(year2024, ScanRequest.all());
        assertThat(batch.rowCount()).isPositive().isLessThan(300);
        assertThat(year2024.schema().names()).contains("month", "region");
        TableSource noHive = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(root),
                Map.of("hive_partitioning", "false")));
        assertThat(noHive.schema().names()).containsExactly("row_id", "value", "label");
        assertThat(Fixtures.readAll(noHive, ScanRequest.all()).rowCount()).isEqualTo(300);
    }

    private static Batch selectColumns(Batch batch, List<String> names) {
        List<dev.floe.core.vector.Vector> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(batch.column(name));
        }
        return new Batch(batch.schema().select(names), columns, batch.rowCount());
    }

    @Test
    void filePathColumnAndMissingColumns(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("a.parquet");
        Path second = directory.resolve("b.parquet");
        Files.copy(Fixtures.path("parquet/edge/all_null_int64_polars.parquet"), first);
        Files.copy(Fixtures.path("parquet/edge/sorted_100k_rg10k_polars.parquet"), second);
        ScanSource strict = new ScanSource(FileFormat.PARQUET, List.of(directory.toString()), Map.of());
        assertThatThrownBy(() -> ParquetTableSource.open(strict))
                .isInstanceOf(FloeException.class)
                .hasMessageContaining(first.toString()).hasMessageContaining(second.toString())
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
        ScanSource lenient = new ScanSource(FileFormat.PARQUET, List.of(directory.toString()),
                Map.of("allow_missing_columns", "true", "include_file_paths", "path"));
        TableSource table = ParquetTableSource.open(lenient);
        assertThat(table.schema().names()).containsExactly("n", "id", "path");
        Batch batch = Fixtures.readAll(table, ScanRequest.all());
        assertThat(batch.rowCount()).isEqualTo(100_100);
        assertThat(batch.column("id").isNull(0)).isTrue();
        assertThat(batch.column("n").isNull(100_099)).isTrue();
        assertThat(batch.column("id").getObject(100)).isEqualTo(0L);
        assertThat(batch.column("path").getObject(0)).isEqualTo(first.toString());
        assertThat(batch.column("path").getObject(100_099)).isEqualTo(second.toString());
    }

    @Test
    void anEmptyProjectionCountsRowsWithoutDecoding() {
        TableSource table = ParquetTableSource.open(Fixtures.source("parquet/types/polars_zstd_rg300.parquet",
                Map.of()));
        Batch batch = Fixtures.readAll(table, new ScanRequest(List.of(), null, -1, 128));
        assertThat(batch.rowCount()).isEqualTo(2000);
        assertThat(batch.columnCount()).isZero();
        assertThat(table.plan(new ScanRequest(List.of(), null, 0, 128))).isEmpty();
    }

    @Test
    void largeFilesAreSplitIntoSeveralTasks() {
        TableSource table = ParquetTableSource.open(Fixtures.source(SORTED, Map.of()));
        List<ScanTask> tasks = table.plan(ScanRequest.all());
        assertThat(rowGroupsOf(tasks)).hasSize(10);
        assertThat(tasks.stream().mapToLong(ScanTask::estimatedRows).sum()).isEqualTo(100_000);
        assertThat(table.statistics().rowGroups()).isEqualTo(10);
    }
}
