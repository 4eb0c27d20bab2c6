package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.vector.LongVector;
import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanRequest;
import dev.floe.io.TableSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-row-group statistics of an integer column, as a planner splitting a scan by key ranges reads them. */
class ParquetRowGroupBoundsTest {
    @Test
    void eachRowGroupReportsTheSmallestAndLargestValueItHolds() {
        for (String file : List.of("parquet/edge/sorted_100k_rg10k_polars.parquet",
                "parquet/edge/sorted_100k_rg10k_duckdb.parquet")) {
            TableSource table = ParquetTableSource.open(Fixtures.source(file, Map.of()));
            LongVector ids = (LongVector) Fixtures.readAll(table, ScanRequest.all()).column("id");
            List<RowGroupBounds> groups = table.rowGroupBounds("id").orElseThrow();

            assertThat(groups).hasSizeGreaterThan(1);
            int row = 0;
            for (int g = 0; g < groups.size(); g++) {
                RowGroupBounds group = groups.get(g);
                assertThat(group.rowGroup()).isEqualTo(g);
                assertThat(group.hasBounds()).isTrue();
                assertThat(group.nullCount()).isIn(0L, -1L);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < group.rows(); i++, row++) {
                    min = Math.min(min, ids.get(row));
                    max = Math.max(max, ids.get(row));
                }
                assertThat(group.min()).isEqualTo(min);
                assertThat(group.max()).isEqualTo(max);
            }
            assertThat(row).isEqualTo(ids.length());
        }
    }

    @Test
    void columnsThatAreNotIntegersOrDatesOrAbsentHaveNone() {
        TableSource strings = ParquetTableSource.open(
                Fixtures.source("parquet/edge/many_row_groups_polars.parquet", Map.of()));
        assertThat(strings.rowGroupBounds("s")).isEmpty();
        assertThat(strings.rowGroupBounds("no_such_column")).isEmpty();
    }
}
