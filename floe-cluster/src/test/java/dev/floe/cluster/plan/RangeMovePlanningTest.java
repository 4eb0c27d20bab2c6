package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSources;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A join of a side split by key ranges with a side that is not: the other side moves to the split by a range
 * exchange on the split's boundaries when that costs less than broadcasting it, and the answer stays the local one.
 */
class RangeMovePlanningTest {
    private static final long MB = 1024 * 1024;

    private static Join join(LogicalPlan left, LogicalPlan right, JoinType type) {
        LogicalExpr key = new LogicalExpr.Column("k", DataType.INT64);
        return new Join(left, right, type, List.of(key), List.of(key), "_right");
    }

    private static StageGraph plan(LogicalPlan plan, ScanSplitter splitter) {
        return new DistributedPlanner(TestOptions.defaults(), 2, splitter).plan(plan);
    }

    private static List<Stage> rangeWriters(StageGraph graph) {
        return graph.stages().stream().filter(stage -> stage.output() instanceof Exchange.Range).toList();
    }

    private static JoinDistribution choose(long left, long right, boolean rightNeedsStage, int leftRanges,
            int rightRanges) {
        return JoinDistribution.choose(new JoinDistribution.Sides(left, right, 6, 6, 6, false, false, true,
                rightNeedsStage, true, true, 256 * MB, 0, 0, leftRanges, rightRanges));
    }

    @Test
    void movingTheOtherSideOnceBeatsBroadcastingItToEveryTask() {
        assertThat(choose(2000 * MB, 180 * MB, true, 0, 0)).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
        assertThat(choose(2000 * MB, 180 * MB, true, 6, 0)).isEqualTo(JoinDistribution.RANGE_MOVES_RIGHT);
        assertThat(choose(180 * MB, 2000 * MB, true, 0, 6)).isEqualTo(JoinDistribution.RANGE_MOVES_LEFT);
        // both sides split by their own ranges: the small one moves
        assertThat(choose(2000 * MB, 180 * MB, true, 6, 6)).isEqualTo(JoinDistribution.RANGE_MOVES_RIGHT);
    }

    @Test
    void aSmallSideEveryTaskReadsItselfStaysBroadcast() {
        assertThat(choose(2000 * MB, MB, false, 6, 0)).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
        assertThat(JoinDistribution.choose(new JoinDistribution.Sides(2000 * MB, SizeEstimator.UNKNOWN, 6, 6, 6,
                false, false, true, true, true, true, 256 * MB, 0, 0, 6, 0))).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void theOtherSourceMovesByARangeExchangeOnTheSplitBoundaries() {
        Join query = join(SortedRowGroups.table("sorted-100000"), SortedRowGroups.table("nostats-20000"), JoinType.INNER);
        StageGraph graph = plan(query, SortedRowGroups.SPLITTER);

        assertThat(rangeWriters(graph)).singleElement().satisfies(writer -> {
            Exchange.Range range = (Exchange.Range) writer.output();
            assertThat(writer.fragment()).isEqualTo(SortedRowGroups.table("nostats-20000"));
            assertThat(range.keys()).containsExactly(new RangeKey("k", false, true));
            assertThat(range.partitions()).isEqualTo(4);
            assertThat(BatchRows.comparable(List.of(range.bounds())))
                    .containsExactly(List.of(200L), List.of(400L), List.of(600L));
            Stage reader = graph.consumers(writer.id()).getFirst();
            assertThat(reader.keyRanges()).hasValueSatisfying(ranges -> assertThat(ranges.boundaries())
                    .containsExactly(200L, 400L, 600L));
            assertThat(reader.partitions()).isEqualTo(4);
        });
        assertThat(graph.stages()).noneMatch(stage -> stage.output() instanceof Exchange.Broadcast
                || stage.output() instanceof Exchange.Hash);
    }

    @Test
    void aLeftJoinMovesItsKeptLeftSideToTheSplitRightSide() {
        Join query = join(SortedRowGroups.table("nostats-20000"), SortedRowGroups.table("sorted-100000"), JoinType.LEFT);
        StageGraph graph = plan(query, SortedRowGroups.SPLITTER);

        assertThat(rangeWriters(graph)).singleElement().satisfies(writer -> {
            assertThat(writer.fragment()).isEqualTo(SortedRowGroups.table("nostats-20000"));
            assertThat(graph.consumers(writer.id()).getFirst().keyRanges()).isPresent();
        });
    }

    @Test
    void unionBranchesJoiningOtherSourcesStillScanTheSplitSourceInOneStage() {
        Join first = join(SortedRowGroups.table("sorted-100000"), SortedRowGroups.table("nostats-20000"), JoinType.INNER);
        Join second = join(SortedRowGroups.table("sorted-100000"), SortedRowGroups.table("nostats-other-30000"), JoinType.INNER);
        StageGraph graph = plan(new dev.floe.plan.logical.Union(List.of(first, second)), SortedRowGroups.SPLITTER);

        assertThat(rangeWriters(graph)).hasSize(2);
        assertThat(graph.stages().stream().filter(stage -> stage.keyRanges().isPresent())).singleElement()
                .satisfies(stage -> assertThat(stage.inputStages()).hasSize(2));
    }

    /** The Parquet fixture: column {@code id} 0..99,999 ascending in 10 row groups of 10,000 rows. */
    private static Scan sorted() throws URISyntaxException {
        Path file = Path.of(RangeMovePlanningTest.class.getResource("/parquet/sorted_100k_rg10k.parquet").toURI());
        ScanSource source = new ScanSource(FileFormat.PARQUET, List.of(file.toString()), Map.of());
        return Scan.of(source, TableSources.open(source).schema());
    }

    /**
     * Rows keyed on every boundary a split of 0..99,999 can have and its neighbours, keys outside the file's
     * range, duplicates and nulls, in 8 batches (so the side runs in several partitions).
     */
    private static InMemory others(DataType keyType) {
        Schema schema = Schema.of(Field.of("id", keyType), Field.of("w", DataType.INT64));
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (long key = -3; key <= 100_003; key += 7) {
            keys.add(key);
        }
        for (long cut = 0; cut <= 100_000; cut += 10_000) {
            keys.add(cut - 1);
            keys.add(cut);
            keys.add(cut);
            keys.add(null);
        }
        for (int i = 0; i < keys.size(); i++) {
            values.add((long) i);
        }
        List<Batch> batches = new ArrayList<>();
        int size = keys.size() / 8 + 1;
        for (int from = 0; from < keys.size(); from += size) {
            int to = Math.min(keys.size(), from + size);
            batches.add(new Batch(schema, List.of(Vectors.fromObjects(keyType, keys.subList(from, to)),
                    Vectors.fromObjects(DataType.INT64, values.subList(from, to)))));
        }
        return new InMemory(schema, batches);
    }

    /**
     * Each join type with the file split on either side (an inner join is left out: the optimizer makes the small
     * file its build side, which every task reads whole; {@link #theOtherSourceMovesByARangeExchangeOnTheSplitBoundaries}
     * plans the inner case).
     */
    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"LEFT", "SEMI", "ANTI", "RIGHT", "FULL"})
    void aRangeMovedJoinGivesTheLocalAnswerOnEitherSide(JoinType type, @TempDir Path directory) throws Exception {
        LogicalExpr key = new LogicalExpr.Column("id", DataType.INT64);
        int rangeMoved = 0;
        for (boolean splitOnLeft : List.of(true, false)) {
            LogicalPlan left = splitOnLeft ? sorted() : others(DataType.INT64);
            LogicalPlan right = splitOnLeft ? others(DataType.INT64) : sorted();
            Join query = new Join(left, right, type, List.of(key), List.of(key), "_right");
            StageGraph graph = plan(query, ScanSplitter.fromTableSources());

            List<Stage> writers = rangeWriters(graph);
            if (writers.isEmpty()) {
                // the 100,000-row file is small enough for every task to read it whole: cheaper than any move
                assertThat(graph.stages()).as(StageGraphText.text(graph)).hasSize(1);
            } else {
                rangeMoved++;
                assertThat(writers).allSatisfy(writer -> assertThat(((Exchange.Range) writer.output()).bounds())
                        .isNotNull());
                assertThat(graph.stages().stream().filter(stage -> stage.keyRanges().isPresent())).isNotEmpty();
            }
            List<List<Object>> distributed = BatchRows.comparable(new InProcessStages(directory).run(graph));
            List<List<Object>> local = BatchRows.comparable(
                    new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(query).batches());
            assertThat(distributed).as("%s, split on the left: %s", type, splitOnLeft).isEqualTo(local)
                    .isNotEmpty();
        }
        assertThat(rangeMoved).as("joins placed by a range move").isPositive();
    }
}
