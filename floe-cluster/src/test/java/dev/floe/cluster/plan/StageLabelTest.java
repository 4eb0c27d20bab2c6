package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageLabelTest {
    @Test
    void theWeightiestOperatorNamesTheStage() {
        Join join = new Join(TestPlans.keyValues(8, 10, 5), TestPlans.names(5), JoinType.INNER,
                List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right");
        Aggregate byName = new Aggregate(join, List.of(NamedExpr.column("name", DataType.STRING)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        Sort top = new Sort(byName, List.of(new SortKey(column("total", DataType.INT64), true, false)), false, 3);
        StageGraph graph = new DistributedPlanner(TestOptions.defaults().withEquiJoinBroadcastLimit(10), 2,
                scan -> List.of()).plan(top);

        // the two inputs of the join, the join with the partial aggregate, the final aggregate with the top-k
        assertThat(graph.stages()).extracting(StageLabel::of)
                .containsExactly("scan", "scan", "join", "aggregate");
    }
}
