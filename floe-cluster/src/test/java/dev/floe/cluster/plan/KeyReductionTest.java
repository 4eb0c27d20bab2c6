package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When the right side of a join first drops the rows whose keys are not on the left, and that it stays correct. */
class KeyReductionTest {
    private static final long LIMIT = DistributedOptions.DEFAULT_BROADCAST_LIMIT;

    private static KeyReduction choose(JoinType type, double leftFraction, long leftKeyBytes, long rightBytes,
            int rightPartitions, boolean inline) {
        return KeyReduction.choose(new KeyReduction.Sides(type, leftFraction, leftKeyBytes, rightBytes,
                rightPartitions, false, inline, LIMIT));
    }

    @Test
    void aSelectiveSmallLeftSideReducesTheRightSideOfLeftSemiAndAntiJoins() {
        for (JoinType type : List.of(JoinType.LEFT, JoinType.SEMI, JoinType.ANTI)) {
            assertThat(choose(type, 0.01, 180_000, 1_500_000_000L, 6, false)).isEqualTo(KeyReduction.BROADCAST);
            assertThat(choose(type, 0.01, 180_000, 1_500_000_000L, 6, true)).isEqualTo(KeyReduction.INLINE);
        }
    }

    @Test
    void innerRightAndFullJoinsKeepTheirRightRows() {
        for (JoinType type : List.of(JoinType.INNER, JoinType.RIGHT, JoinType.FULL, JoinType.CROSS)) {
            assertThat(choose(type, 0.01, 180_000, 1_500_000_000L, 6, true)).isEqualTo(KeyReduction.NONE);
        }
    }

    @Test
    void anUnselectiveLeftSideOrAnUnknownOrSinglePartitionRightSideIsNotReduced() {
        assertThat(choose(JoinType.LEFT, 0.5, 180_000, 1_500_000_000L, 6, true)).isEqualTo(KeyReduction.NONE);
        assertThat(choose(JoinType.LEFT, 0.01, 180_000, SizeEstimator.UNKNOWN, 6, true))
                .isEqualTo(KeyReduction.NONE);
        assertThat(choose(JoinType.LEFT, 0.01, 180_000, 1_500_000_000L, 1, true)).isEqualTo(KeyReduction.NONE);
    }

    @Test
    void leftKeysAreBroadcastOnlyWhenTheShuffleTheySaveOutweighsTheirBuildsAndAStage() {
        // q04-like: 34 MB of estimated keys, a quarter of orders, against 270 MB of lineitem keys in 6 tasks
        assertThat(choose(JoinType.SEMI, 0.25, 34_000_000, 270_000_000, 6, false)).isEqualTo(KeyReduction.BROADCAST);
        // 9 MB of keys built by each task of a 20 MB right side save less than they cost
        assertThat(choose(JoinType.SEMI, 0.1, 9_000_000, 20_000_000, 6, false)).isEqualTo(KeyReduction.NONE);
        assertThat(choose(JoinType.SEMI, 0.1, LIMIT + 1, 100 * LIMIT, 6, false)).isEqualTo(KeyReduction.NONE);
        assertThat(choose(JoinType.SEMI, 0.1, SizeEstimator.UNKNOWN, 1_500_000_000L, 6, false))
                .isEqualTo(KeyReduction.NONE);
        assertThat(choose(JoinType.SEMI, 0.5, 1_000, 1_500_000_000L, 6, false)).isEqualTo(KeyReduction.NONE);
    }

    @Test
    void aRightSideAlreadyHashedOnTheKeysIsNotReducedByAKeysStage() {
        assertThat(KeyReduction.choose(new KeyReduction.Sides(JoinType.LEFT, 0.01, 180_000, 1_500_000_000L, 6, true,
                false, LIMIT))).isEqualTo(KeyReduction.NONE);
    }

    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64),
            Field.of("s", DataType.STRING));

    /**
     * {@code batches} batches of {@code rows} rows: k = row mod keys, null every {@code nullEvery} rows; v = row;
     * s empty (a string column, so the planner's estimate of the bytes is large for the rows it takes).
     */
    private static InMemory keyed(int batches, int rows, int keys, int nullEvery) {
        List<Batch> result = new ArrayList<>();
        long row = 0;
        for (int b = 0; b < batches; b++) {
            List<Long> k = new ArrayList<>();
            List<Long> v = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (int i = 0; i < rows; i++, row++) {
                k.add(row % nullEvery == 0 ? null : row % keys);
                v.add(row);
                text.add("");
            }
            result.add(new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, k),
                    Vectors.fromObjects(DataType.INT64, v), Vectors.fromObjects(DataType.STRING, text))));
        }
        return new InMemory(SCHEMA, result);
    }

    /** The left side: keys 2 and null, each many times (estimated to keep 19% of its rows). */
    private static LogicalPlan selectiveLeft() {
        LogicalExpr key = column("k", DataType.INT64);
        LogicalExpr two = new LogicalExpr.Binary(BinaryOperator.EQUAL, key, new LogicalExpr.Literal(2L, DataType.INT64),
                DataType.BOOLEAN);
        LogicalExpr isNull = new LogicalExpr.Function(new ScalarFunction.IsNull(), List.of(key), DataType.BOOLEAN);
        return new Filter(keyed(4, 30, 10, 7),
                new LogicalExpr.Binary(BinaryOperator.OR, two, isNull, DataType.BOOLEAN));
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"LEFT", "SEMI", "ANTI"})
    void theReducedJoinGivesTheLocalAnswerWithNullsAndDuplicateKeys(JoinType type, @TempDir Path directory) {
        // 300,000 right rows in 2 partitions: the shuffle the keys save outweighs a stage
        Join query = new Join(selectiveLeft(), keyed(6, 50_000, 37, 11), type, List.of(column("k", DataType.INT64)),
                List.of(column("k", DataType.INT64)), "_right");
        StageGraph graph = new DistributedPlanner(TestOptions.defaults().withPartitionsPerWorker(1), 2, scan -> {
            throw new AssertionError("no scans expected");
        }).plan(query);

        Stage keys = graph.stages().stream().filter(stage -> stage.output() instanceof Exchange.Broadcast)
                .filter(stage -> stage.fragment().schema().names().equals(List.of("k"))).findFirst().orElseThrow();
        assertThat(graph.consumers(keys.id())).anySatisfy(consumer -> assertThat(SharedCachesTest.text(consumer.fragment()))
                .contains("Join semi"));
        List<List<Object>> distributed = BatchRows.comparable(new InProcessStages(directory).run(graph));
        List<List<Object>> local = BatchRows.comparable(
                new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(query).batches());
        assertThat(distributed).isEqualTo(local).isNotEmpty();
    }
}
