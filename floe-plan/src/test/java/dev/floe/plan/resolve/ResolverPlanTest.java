package dev.floe.plan.resolve;

import static dev.floe.plan.resolve.Dsl.add;
import static dev.floe.plan.resolve.Dsl.alias;
import static dev.floe.plan.resolve.Dsl.col;
import static dev.floe.plan.resolve.Dsl.lit;
import static dev.floe.plan.resolve.Dsl.select;
import static dev.floe.plan.resolve.Dsl.sum;
import static dev.floe.plan.resolve.Dsl.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResolverPlanTest {
    private static final Schema SMALL = Schema.of(Field.of("k", DataType.STRING), Field.of("a", DataType.INT32),
            Field.of("x", DataType.FLOAT64));
    private static final Schema OTHER = Schema.of(Field.of("k", DataType.STRING), Field.of("id", DataType.INT64),
            Field.of("x", DataType.FLOAT64));

    private final Resolver resolver = new Resolver(source -> SMALL);

    @Test
    void scansTakeTheirSchemaFromTheSourceOnce() {
        AtomicInteger opened = new AtomicInteger();
        Resolver counting = new Resolver(source -> {
            opened.incrementAndGet();
            return SMALL;
        });
        ScanSource source = new ScanSource(FileFormat.PARQUET, List.of("t.parquet"), Map.of());
        DslPlan scan = new DslPlan.Scan(source);
        LogicalPlan plan = counting.resolve(new DslPlan.Concat(List.of(scan, scan)));
        assertThat(plan.inputs().getFirst()).isEqualTo(Scan.of(source, SMALL));
        assertThat(opened).hasValue(1);
    }

    @Test
    void selectWithOnlyAggregationsIsAKeylessAggregate() {
        LogicalPlan plan = resolver.resolve(select(table(SMALL), sum(col("a")),
                alias(new Expr.Aggregation(new AggregateFunction.Mean(), col("x")), "mean_x")));
        assertThat(plan).isInstanceOf(Aggregate.class);
        Aggregate aggregate = (Aggregate) plan;
        assertThat(aggregate.keys()).isEmpty();
        assertThat(plan.schema()).isEqualTo(Schema.of(Field.of("a", DataType.INT32),
                Field.of("mean_x", DataType.FLOAT64)));
    }

    @Test
    void withColumnsBroadcastsAggregationsThroughACrossJoin() {
        LogicalPlan plan = resolver.resolve(new DslPlan.WithColumns(table(SMALL), List.of(
                alias(new Expr.Binary(dev.floe.plan.function.BinaryOperator.SUBTRACT, col("x"),
                        new Expr.Aggregation(new AggregateFunction.Mean(), col("x"))), "centered"),
                sum(col("a")))));
        assertThat(plan.schema()).isEqualTo(Schema.of(Field.of("k", DataType.STRING), Field.of("a", DataType.INT32),
                Field.of("x", DataType.FLOAT64), Field.of("centered", DataType.FLOAT64)));
        Project project = (Project) plan;
        Join join = (Join) project.input();
        assertThat(join.type()).isEqualTo(JoinType.CROSS);
        Aggregate oneRow = (Aggregate) join.right();
        assertThat(oneRow.keys()).isEmpty();
        assertThat(oneRow.aggregates()).hasSize(2);
        assertThat(project.exprs().get(1).expr()).isEqualTo(
                new LogicalExpr.Column("__floe_broadcast_1", DataType.INT32));
    }

    @Test
    void selectMixingColumnsAndAggregationsBroadcasts() {
        LogicalPlan plan = resolver.resolve(select(table(SMALL), col("k"), alias(sum(col("a")), "total")));
        assertThat(plan.schema()).isEqualTo(Schema.of(Field.of("k", DataType.STRING),
                Field.of("total", DataType.INT32)));
        assertThat(((Project) plan).input()).isInstanceOf(Join.class);
    }

    @Test
    void withColumnsWithoutAggregationsReplacesInPlace() {
        LogicalPlan plan = resolver.resolve(new DslPlan.WithColumns(table(SMALL), List.of(add(col("a"), lit(1)),
                alias(col("a"), "b"))));
        assertThat(plan).isInstanceOf(WithColumns.class);
        assertThat(plan.schema().names()).containsExactly("k", "a", "x", "b");
    }

    @Test
    void wildcardsExpand() {
        assertThat(resolver.resolve(select(table(SMALL), new Expr.All())).schema()).isEqualTo(SMALL);
        assertThat(resolver.resolve(select(table(SMALL), new Expr.Exclude(List.of("a")))).schema().names())
                .containsExactly("k", "x");
        LogicalPlan sums = resolver.resolve(select(table(SMALL), sum(new Expr.Columns(List.of("a", "x")))));
        assertThat(sums.schema()).isEqualTo(Schema.of(Field.of("a", DataType.INT32), Field.of("x", DataType.FLOAT64)));
    }

    @Test
    void groupByNamesKeysThenAggregationsAndHidesKeysFromAll() {
        LogicalPlan plan = resolver.resolve(new DslPlan.GroupBy(table(SMALL), List.of(col("k")),
                List.of(sum(new Expr.All()), new Expr.Aggregation(new AggregateFunction.Len(), null)), true));
        Aggregate aggregate = (Aggregate) plan;
        assertThat(aggregate.maintainOrder()).isTrue();
        assertThat(plan.schema()).isEqualTo(Schema.of(Field.of("k", DataType.STRING), Field.of("a", DataType.INT32),
                Field.of("x", DataType.FLOAT64), Field.of("len", DataType.UINT32)));
    }

    @Test
    void joinKeysAreCastToACommonTypeInTheirInputs() {
        DslPlan join = new DslPlan.Join(table(SMALL), table(OTHER), List.of(col("a")), List.of(col("id")),
                JoinType.INNER, "_right");
        Join plan = (Join) resolver.resolve(join);
        assertThat(plan.leftKeys()).containsExactly(new LogicalExpr.Column("a", DataType.INT64));
        assertThat(plan.rightKeys()).containsExactly(new LogicalExpr.Column("id", DataType.INT64));
        assertThat(plan.left()).isInstanceOf(WithColumns.class);
        assertThat(plan.schema().names()).containsExactly("k", "a", "x", "k_right", "x_right");
        assertThat(plan.schema().field("a").type()).isEqualTo(DataType.INT64);
    }

    @Test
    void joinOnSameNamedKeysCoalescesThem() {
        DslPlan join = new DslPlan.Join(table(SMALL), table(OTHER), List.of(col("k")), List.of(col("k")),
                JoinType.LEFT, "_r");
        assertThat(resolver.resolve(join).schema().names()).containsExactly("k", "a", "x", "id", "x_r");
    }

    @Test
    void sortSliceUniqueRenameDropRowIndexConcatAndSink() {
        DslPlan base = table(SMALL);
        Sort sort = (Sort) resolver.resolve(new DslPlan.Sort(base, List.of(col("a"), col("x")), List.of(true, false),
                List.of(false, true), true));
        assertThat(sort.keys().get(0).descending()).isTrue();
        assertThat(sort.keys().get(1).nullsLast()).isTrue();
        assertThat(sort.maintainOrder()).isTrue();
        assertThat(resolver.resolve(new DslPlan.Slice(base, -3, 3))).isEqualTo(
                new Slice(resolver.resolve(base), -3, 3));
        Distinct distinct = (Distinct) resolver.resolve(new DslPlan.Unique(base, List.of("k"), UniqueKeep.FIRST, true));
        assertThat(distinct.subset()).containsExactly("k");
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("a", "x");
        mapping.put("x", "a");
        assertThat(resolver.resolve(new DslPlan.Rename(base, mapping)).schema()).isEqualTo(Schema.of(
                Field.of("k", DataType.STRING), Field.of("x", DataType.INT32), Field.of("a", DataType.FLOAT64)));
        assertThat(resolver.resolve(new DslPlan.Drop(base, List.of("k"))).schema().names()).containsExactly("a", "x");
        RowIndex rowIndex = (RowIndex) resolver.resolve(new DslPlan.WithRowIndex(base, "nr", 5));
        assertThat(rowIndex.schema().field(0)).isEqualTo(Field.of("nr", DataType.UINT32));
        assertThat(resolver.resolve(new DslPlan.Concat(List.of(base, base)))).isInstanceOf(Union.class);
        Sink sink = (Sink) resolver.resolve(new DslPlan.Sink(base, FileFormat.CSV, "out.csv", Map.of("separator", ";")));
        assertThat(sink.options()).containsEntry("separator", ";");
    }

    @Test
    void windowsResolveOverPartitions() {
        LogicalPlan plan = resolver.resolve(new DslPlan.WithColumns(table(SMALL), List.of(alias(new Expr.Window(
                sum(col("a")), List.of(col("k"))), "per_k"))));
        assertThat(plan).isInstanceOf(WithColumns.class);
        LogicalExpr window = ((WithColumns) plan).exprs().getFirst().expr();
        assertThat(window).isInstanceOf(LogicalExpr.Window.class);
        assertThat(window.type()).isEqualTo(DataType.INT32);
    }

    @Test
    void aSelectOfUniqueColumnsIsADistinctOfTheirProjection() {
        LogicalPlan plan = resolver.resolve(select(table(SMALL), new Expr.Unique(col("k")),
                new Expr.Alias(new Expr.Unique(col("a")), "b")));
        assertThat(plan).isInstanceOf(Distinct.class);
        Distinct distinct = (Distinct) plan;
        assertThat(distinct.subset()).isNull();
        assertThat(distinct.schema().names()).containsExactly("k", "b");
        assertThat(distinct.input()).isInstanceOf(Project.class);
    }

    @Test
    void anAggregationInAFilterIsBroadcastThenDropped() {
        LogicalPlan plan = resolver.resolve(new DslPlan.Filter(table(SMALL),
                new Expr.Binary(dev.floe.plan.function.BinaryOperator.EQUAL, col("a"),
                        new Expr.Aggregation(new AggregateFunction.Max(), col("a")))));
        assertThat(plan.schema()).isEqualTo(SMALL);
        assertThat(plan).isInstanceOf(Project.class);
        LogicalPlan filter = plan.inputs().getFirst();
        assertThat(filter).isInstanceOf(dev.floe.plan.logical.Filter.class);
        assertThat(((dev.floe.plan.logical.Filter) filter).predicate()).isInstanceOf(LogicalExpr.Column.class);
        assertThat(filter.inputs().getFirst().inputs().getFirst()).isInstanceOf(Join.class);
    }
}
