package dev.floe.cluster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.plan.DistributedPlanner;
import dev.floe.cluster.plan.ScanSplitter;
import dev.floe.cluster.plan.StageGraphText;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.plan.codec.DslCodec;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.Optimizer;
import dev.floe.plan.resolve.Resolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningTablesTest {
    private static final Schema FACT = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));
    private static final Schema DIMENSION = Schema.of(Field.of("k", DataType.INT64), Field.of("w", DataType.INT64));

    /** Counts the opens of each source. */
    private static final class CountingOpener implements TableOpener {
        final Map<ScanSource, Integer> opens = new HashMap<>();

        @Override
        public TableSource open(ScanSource source) {
            opens.merge(source, 1, Integer::sum);
            return TableOpener.FILES.open(source);
        }
    }

    @Test
    void opensEachSourceOnceAndAnswersRowCountsAndSplitsFromIt(@TempDir Path directory) {
        ScanSource fact = write(directory.resolve("fact.parquet"), FACT, 1_000);
        CountingOpener base = new CountingOpener();
        PlanningTables tables = new PlanningTables(base);

        TableSource first = tables.open(fact);
        assertThat(tables.open(fact)).isSameAs(first);
        assertThat(tables.rowCounts().rows(fact)).isEqualTo(OptionalLong.of(1_000));
        Scan scan = new Scan(fact, FACT, List.of("k"), null, -1);
        ScanSplitter splitter = tables.splitter();
        assertThat(splitter.tasks(scan)).isSameAs(splitter.tasks(scan))
                .isEqualTo(ScanSplitter.fromTableSources().tasks(scan)).isNotEmpty();
        assertThat(base.opens).containsExactly(Map.entry(fact, 1));
    }

    @Test
    void aMissingSourceFailsEachTimeAndHasNoRowCount(@TempDir Path directory) {
        ScanSource missing = new ScanSource(FileFormat.PARQUET, List.of(directory.resolve("none.parquet").toString()),
                Map.of());
        CountingOpener base = new CountingOpener();
        PlanningTables tables = new PlanningTables(base);

        assertThatThrownBy(() -> tables.open(missing)).isInstanceOf(FloeException.class);
        assertThatThrownBy(() -> tables.open(missing)).isInstanceOf(FloeException.class);
        assertThat(tables.rowCounts().rows(missing)).isEmpty();
        assertThat(base.opens).containsExactly(Map.entry(missing, 3));
    }

    @Test
    void theCoordinatorPlansAsBeforeWithEachSourceOpenedOnce(@TempDir Path directory) {
        ScanSource fact = write(directory.resolve("fact.parquet"), FACT, 3_000);
        ScanSource dimension = write(directory.resolve("dimension.parquet"), DIMENSION, 50);
        DslPlan.Join join = new DslPlan.Join(new DslPlan.Scan(fact), new DslPlan.Filter(new DslPlan.Scan(dimension),
                new Expr.Binary(BinaryOperator.GREATER, new Expr.Column("w"), new Expr.Literal(10L, DataType.INT64))),
                List.of(new Expr.Column("k")), List.of(new Expr.Column("k")), JoinType.INNER, "_right");
        DslPlan plan = new DslPlan.Filter(join,
                new Expr.Binary(BinaryOperator.LESS, new Expr.Column("v"), new Expr.Literal(2_000L, DataType.INT64)));
        DistributedOptions options = DistributedOptions.defaults().forSlotsPerWorker(2);
        CountingOpener base = new CountingOpener();

        QueryPlanner.Planned planned = new EngineQueryPlanner(base).planDsl(DslCodec.encode(plan), options, 3);

        String uncached = StageGraphText.text(new DistributedPlanner(options, 3, ScanSplitter.fromTableSources())
                .plan(new Optimizer().optimize(new Resolver(source -> TableOpener.FILES.open(source).schema())
                        .resolve(plan))));
        assertThat(planned.explain()).isEqualTo(uncached);
        assertThat(base.opens).containsOnly(Map.entry(fact, 1), Map.entry(dimension, 1));
    }

    private static ScanSource write(Path file, Schema schema, int rows) {
        List<Long> keys = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            keys.add(i % 100);
            values.add(i);
        }
        ParquetWriter.write(file, schema, List.of(new Batch(schema, List.of(Vectors.fromObjects(DataType.INT64, keys),
                Vectors.fromObjects(DataType.INT64, values)))), ParquetWriteOptions.defaults().withRowGroupSize(100));
        return new ScanSource(FileFormat.PARQUET, List.of(file.toString()), Map.of());
    }
}
