package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.plan.FragmentBinder;
import dev.floe.cluster.plan.ShuffleInputFiles;
import dev.floe.cluster.plan.ShuffleInputs;
import dev.floe.cluster.plan.TestPlans;
import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which build sides the tasks of one stage share: broadcast inputs (named by their stage, whatever files each
 * task fetched) and sources every task reads whole; never a hash-partitioned input, the stage's own split or
 * in-memory rows, nor a side mixing one of those in.
 */
class SharedSideKeysTest {
    private static final Scan BROADCAST = ShuffleInputs.broadcastPlaceholder(5, TestPlans.KEY_VALUE);
    private static final Scan HASHED = ShuffleInputs.placeholder(6, TestPlans.KEY_VALUE);
    private static final Scan WHOLE = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("nation.parquet"),
            Map.of(FragmentBinder.WHOLE_OPTION, "true")), TestPlans.KEY_VALUE);
    private static final Scan SPLIT = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("lineitem.parquet"),
            Map.of()), TestPlans.KEY_VALUE);

    private static LogicalPlan filtered(LogicalPlan input) {
        return new Filter(input, new LogicalExpr.Binary(BinaryOperator.GREATER,
                new LogicalExpr.Column("v", DataType.INT64), new LogicalExpr.Literal(3L, DataType.INT64),
                DataType.BOOLEAN));
    }

    private static Join join(LogicalPlan left, LogicalPlan right) {
        LogicalExpr key = new LogicalExpr.Column("k", DataType.INT64);
        return new Join(left, right, JoinType.INNER, List.of(key), List.of(key), "_right");
    }

    /** The files task {@code partition} fetched: its own copy of the broadcast, its own hash partition. */
    private static Map<Integer, ShuffleInputFiles> inputs(int partition) {
        Path fetched = Path.of("/work/fetch/q1/s2-p" + partition);
        return Map.of(5, new ShuffleInputFiles(0, List.of(fetched.resolve("s5-m0.arrow"),
                        fetched.resolve("s5-m1.arrow"))),
                6, new ShuffleInputFiles(partition, List.of(Path.of("/work/shuffle/q1/s6/m0.arrow"))));
    }

    /** The key task {@code partition} gives the bound build side of {@code side} in {@code fragment}. */
    private static java.util.Optional<LogicalPlan> key(LogicalPlan fragment, LogicalPlan side, int partition) {
        Map<Integer, ShuffleInputFiles> inputs = inputs(partition);
        return SharedSideKeys.of(fragment, inputs).apply(FragmentBinder.bindInputs(side, inputs));
    }

    @Test
    void aBroadcastInputIsNamedByItsStageWhateverFilesTheTaskFetched() {
        LogicalPlan side = filtered(BROADCAST);
        LogicalPlan fragment = join(HASHED, side);
        assertThat(FragmentBinder.bindInputs(side, inputs(0))).isNotEqualTo(FragmentBinder.bindInputs(side,
                inputs(1)));
        assertThat(key(fragment, side, 0)).contains(side);
        assertThat(key(fragment, side, 1)).isEqualTo(key(fragment, side, 0));
    }

    @Test
    void aSourceEveryTaskReadsWholeIsShared() {
        LogicalPlan side = join(WHOLE, BROADCAST);
        LogicalPlan fragment = join(SPLIT, side);
        assertThat(key(fragment, side, 0)).contains(side);
        assertThat(key(fragment, WHOLE, 1)).contains(WHOLE);
    }

    @Test
    void aHashPartitionedInputIsNeverShared() {
        LogicalPlan fragment = join(BROADCAST, filtered(HASHED));
        assertThat(key(fragment, filtered(HASHED), 0)).isEmpty();
        assertThat(key(fragment, HASHED, 1)).isEmpty();
        assertThat(key(fragment, join(BROADCAST, HASHED), 0)).isEmpty();
    }

    @Test
    void theStagesOwnSplitAndInMemoryRowsAreNeverShared() {
        assertThat(key(join(BROADCAST, SPLIT), SPLIT, 0)).isEmpty();
        assertThat(key(join(BROADCAST, SPLIT), join(WHOLE, SPLIT), 0)).isEmpty();
        LogicalPlan rows = TestPlans.names(3);
        assertThat(key(join(BROADCAST, rows), rows, 0)).isEmpty();
    }
}
