package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.UniqueKeep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A broadcast stage computing a side's rows with more columns is read instead of computing the side again. */
class CoveringBroadcastsTest {
    private static final Schema LINES = Schema.of(Field.of("k", DataType.INT64), Field.of("q", DataType.INT64),
            Field.of("price", DataType.FLOAT64), Field.of("comment", DataType.STRING));
    private static final Scan TABLE = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("/lines.parquet"), Map.of()),
            LINES);
    private static final LogicalPlan KEYS = ShuffleInputs.placeholder(0, Schema.of(Field.of("p", DataType.INT64)));

    private static Scan lines(String... columns) {
        return new Scan(TABLE.source(), LINES, List.of(columns), null, -1);
    }

    private static Join selected(LogicalPlan lines) {
        return new Join(lines, KEYS, JoinType.SEMI, List.of(column("k", DataType.INT64)),
                List.of(column("p", DataType.INT64)), "_right");
    }

    private static Stage broadcast(LogicalPlan fragment) {
        return new Stage(1, fragment, 2, new Exchange.Broadcast(), List.of(0), List.of());
    }

    private static PlanPart side(LogicalPlan plan) {
        return new PlanPart(plan, 2, List.of(0), List.of(), Partitioning.NONE);
    }

    @Test
    void aSemiJoinOfFewerColumnsReadsTheWiderBroadcastProjected() {
        Stage wide = broadcast(selected(lines("k", "q", "price")));

        SharedBroadcasts.Read read = CoveringBroadcasts.find(List.of(wide), side(selected(lines("k", "q"))))
                .orElseThrow();

        assertThat(read.inputs()).containsExactly(1);
        assertThat(read.plan()).isInstanceOf(Project.class);
        assertThat(read.plan().schema().names()).containsExactly("k", "q");
        assertThat(ShuffleInputs.stageOf(read.plan().inputs().getFirst())).hasValue(1);
        assertThat(ShuffleInputs.isBroadcast(read.plan().inputs().getFirst())).as("shared per worker").isTrue();
    }

    @Test
    void otherRowsAreNotCovered() {
        Scan filtered = new Scan(TABLE.source(), LINES, List.of("k", "q"),
                new LogicalExpr.Binary(BinaryOperator.LESS, column("q", DataType.INT64),
                        new LogicalExpr.Literal(5L, DataType.INT64), DataType.BOOLEAN), -1);
        assertThat(CoveringBroadcasts.covers(selected(lines("k", "q", "price")), selected(filtered))).isFalse();
        // different inputs or splits: another stage's rows
        PlanPart otherInputs = new PlanPart(selected(lines("k", "q")), 2, List.of(), List.of(), Partitioning.NONE);
        assertThat(CoveringBroadcasts.find(List.of(broadcast(selected(lines("k", "q", "price")))), otherInputs))
                .isEmpty();
    }

    @Test
    void aDistinctOverMoreColumnsKeepsOtherRows() {
        Distinct wide = new Distinct(lines("k", "q"), null, UniqueKeep.ANY, false);
        Distinct narrow = new Distinct(lines("k"), null, UniqueKeep.ANY, false);

        assertThat(CoveringBroadcasts.covers(wide, narrow)).isFalse();
    }

    @Test
    void muchWiderRowsAreNotWorthFetching() {
        Stage wide = broadcast(selected(lines("k", "q", "comment")));

        assertThat(CoveringBroadcasts.find(List.of(wide), side(selected(lines("k", "q"))))).isEmpty();
        assertThat(CoveringBroadcasts.covers(wide.fragment(), selected(lines("k", "q")))).isTrue();
    }
}
