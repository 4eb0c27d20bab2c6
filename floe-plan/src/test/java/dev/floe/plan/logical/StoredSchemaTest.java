package dev.floe.plan.logical;

import static dev.floe.plan.optimizer.PlanBuilder.col;
import static dev.floe.plan.optimizer.PlanBuilder.join;
import static dev.floe.plan.optimizer.PlanBuilder.lit;
import static dev.floe.plan.optimizer.PlanBuilder.memory;
import static dev.floe.plan.optimizer.PlanBuilder.named;
import static dev.floe.plan.optimizer.PlanBuilder.scan;
import static dev.floe.plan.optimizer.PlanBuilder.schema;
import static dev.floe.plan.optimizer.PlanBuilder.select;
import static dev.floe.plan.optimizer.PlanBuilder.withColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nodes that make a new output schema keep it: asking for it returns what the constructor derived, a node given a
 * schema its inputs do not give is refused, and a node rebuilt over new inputs derives its schema again.
 */
class StoredSchemaTest {
    @Test
    void aJoinKeepsTheSchemaItsInputsGive() {
        Join joined = join(memory("a", "b"), memory("a", "c"), JoinType.INNER, "a", "a");

        assertThat(joined.schema()).isEqualTo(schema("a", "b", "c"));
        assertThat(joined.schema()).isSameAs(joined.schema());
        assertThat(new Join(memory("a", "b"), memory("a", "b"), JoinType.FULL, joined.leftKeys(), joined.rightKeys(),
                "_r").schema()).isEqualTo(schema("a", "b", "a_r", "b_r"));
    }

    @Test
    void aDeepPlanAnswersItsSchemaFromTheTopNodeAlone() {
        LogicalPlan plan = scan("t.parquet", "k", "v");
        for (int i = 0; i < 40; i++) {
            plan = select(join(plan, memory("k", "x" + i), JoinType.LEFT, "k", "k"), "k", "v");
        }

        assertThat(plan.schema()).isEqualTo(schema("k", "v")).isSameAs(plan.schema());
    }

    @Test
    void aNodeGivenAnotherSchemaThanItsInputsGiveIsRefused() {
        Join joined = join(memory("a", "b"), memory("a", "c"), JoinType.INNER, "a", "a");

        assertThatThrownBy(() -> new Join(joined.left(), joined.right(), JoinType.INNER, joined.leftKeys(),
                joined.rightKeys(), "_right", schema("a", "b")))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("join was given the output schema").hasMessageContaining("c");
        assertThatThrownBy(() -> new Project(memory("a"), List.of(named("a", col("a"))), schema("a:str")))
                .isInstanceOf(FloeException.class).hasMessageContaining("select was given");
        assertThatThrownBy(() -> new WithColumns(memory("a"), List.of(named("b", lit(1))), schema("a")))
                .isInstanceOf(FloeException.class).hasMessageContaining("with_columns was given");
        assertThatThrownBy(() -> new RowIndex(memory("a"), "index", 0, schema("a")))
                .isInstanceOf(FloeException.class).hasMessageContaining("with_row_index was given");
        assertThatThrownBy(() -> new Aggregate(memory("a"), List.of(named("a", col("a"))), List.of(), false,
                schema("b"))).isInstanceOf(FloeException.class).hasMessageContaining("group_by was given");
        Scan scan = scan("t.parquet", "a", "b");
        assertThatThrownBy(() -> new Scan(scan.source(), scan.tableSchema(), List.of("b"), null, -1, schema("a")))
                .isInstanceOf(FloeException.class).hasMessageContaining("scan was given");
    }

    @Test
    void aNodeRebuiltOverNewInputsDerivesItsSchemaAgain() {
        WithColumns added = withColumns(memory("a", "b"), named("b", col("a")), named("c", lit(1)));
        assertThat(added.schema()).isEqualTo(schema("a", "b", "c"));

        LogicalPlan rebuilt = added.withInputs(List.of(memory("b:i32", "a", "z")));

        assertThat(rebuilt.schema().names()).containsExactly("b", "a", "z", "c");
        assertThat(rebuilt.schema().field("b").type()).isEqualTo(DataType.INT64);
        Scan projected = scan("t.parquet", "a", "b", "c").withProjection(List.of("c", "a"));
        assertThat(projected.schema()).isEqualTo(schema("c", "a"));
        assertThat(new RowIndex(projected, "index", 0).schema().names()).containsExactly("index", "c", "a");
    }
}
