package dev.floe.plan.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.resolve.Resolver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private static final Schema LINEITEM = Schema.of(Field.of("l_orderkey", DataType.INT64),
            Field.of("l_quantity", DataType.FLOAT64), Field.of("l_shipdate", DataType.DATE),
            Field.of("l_flag", DataType.STRING));
    private static final ScanSource SOURCE = new ScanSource(FileFormat.PARQUET, List.of("lineitem.parquet"), Map.of());

    private final Resolver resolver = new Resolver(source -> LINEITEM);

    private static Expr col(String name) {
        return new Expr.Column(name);
    }

    @Test
    void printsAQueryLikePolars() {
        DslPlan scan = new DslPlan.Scan(SOURCE);
        DslPlan filtered = new DslPlan.Filter(scan, new Expr.Binary(BinaryOperator.LESS_EQUAL, col("l_shipdate"),
                new Expr.Literal(LocalDate.of(1998, 9, 2), null)));
        DslPlan grouped = new DslPlan.GroupBy(filtered, List.of(col("l_flag")), List.of(
                new Expr.Aggregation(new AggregateFunction.Sum(), col("l_quantity")),
                new Expr.Alias(new Expr.Aggregation(new AggregateFunction.Len(), null), "count_order")), false);
        DslPlan sorted = new DslPlan.Sort(grouped, List.of(col("l_flag")), List.of(true), List.of(false), false);
        String text = Explain.explain(resolver.resolve(new DslPlan.Slice(sorted, 0, 5)));
        assertThat(text).isEqualTo("""
                SLICE[offset: 0, len: 5]
                  SORT BY [col("l_flag")] [descending: [true]]
                    AGGREGATE
                    [col("l_quantity").sum(), len().alias("count_order")] BY [col("l_flag")] FROM
                      FILTER [(col("l_shipdate")) <= (1998-09-02)] FROM
                        Parquet SCAN ["lineitem.parquet"]
                        PROJECT */4 COLUMNS
                """);
    }

    @Test
    void printsSelectWithColumnsAndJoins() {
        DslPlan scan = new DslPlan.Scan(SOURCE);
        DslPlan selected = new DslPlan.Select(scan, List.of(col("l_orderkey"), new Expr.Alias(new Expr.Binary(
                BinaryOperator.ADD, col("l_quantity"), new Expr.Literal(1, null)), "q1")));
        DslPlan withColumns = new DslPlan.WithColumns(selected, List.of(new Expr.Function(
                new ScalarFunction.StrContains("x", true), List.of(new Expr.Literal("abc", null)))));
        DslPlan joined = new DslPlan.Join(withColumns, scan, List.of(col("l_orderkey")), List.of(col("l_orderkey")),
                JoinType.INNER, "_right");
        assertThat(Explain.explain(resolver.resolve(joined))).isEqualTo("""
                INNER JOIN:
                LEFT PLAN ON: [col("l_orderkey")]
                  WITH_COLUMNS:
                  ["abc".str.contains("x", literal=true)] FROM
                    SELECT [col("l_orderkey"), [(col("l_quantity")) + (dyn float: 1.0)].alias("q1")] FROM
                      Parquet SCAN ["lineitem.parquet"]
                      PROJECT */4 COLUMNS
                RIGHT PLAN ON: [col("l_orderkey")]
                  Parquet SCAN ["lineitem.parquet"]
                  PROJECT */4 COLUMNS
                END INNER JOIN
                """);
    }

    @Test
    void printsTheRemainingNodes() {
        LogicalPlan scan = Scan.of(SOURCE, LINEITEM).withProjection(List.of("l_orderkey", "l_flag"))
                .withPredicate(new LogicalExpr.Binary(BinaryOperator.GREATER,
                        new LogicalExpr.Column("l_orderkey", DataType.INT64), new LogicalExpr.Literal(7L,
                        DataType.INT64), DataType.BOOLEAN)).withLimit(100);
        LogicalPlan plan = new Sink(new RowIndex(new Distinct(new Cache(new Slice(new Union(List.of(scan, scan)),
                -2, 2), 3), List.of("l_flag"), UniqueKeep.FIRST, true), "nr", 1), FileFormat.CSV, "out.csv",
                Map.of("separator", ";"));
        assertThat(Explain.explain(plan)).isEqualTo("""
                SINK[csv: "out.csv", options: {separator=;}]
                  ROW_INDEX[name: "nr", offset: 1]
                    UNIQUE[maintain_order: true, keep_strategy: First] BY ["l_flag"]
                      CACHE[id: 3]
                        SLICE[offset: -2, len: 2]
                          UNION
                          PLAN 0:
                            Parquet SCAN ["lineitem.parquet"]
                            PROJECT 2/4 COLUMNS
                            SELECTION: [(col("l_orderkey")) > (dyn int: 7)]
                            N_ROWS: 100
                          PLAN 1:
                            Parquet SCAN ["lineitem.parquet"]
                            PROJECT 2/4 COLUMNS
                            SELECTION: [(col("l_orderkey")) > (dyn int: 7)]
                            N_ROWS: 100
                          END UNION
                """);
    }

    @Test
    void printsExpressionsLikePolars() {
        LogicalExpr a = new LogicalExpr.Column("a", DataType.INT64);
        assertThat(ExprFormat.format(new LogicalExpr.Window(new LogicalExpr.Aggregate(new AggregateFunction.Std(1), a,
                DataType.FLOAT64), List.of(new LogicalExpr.Column("g", DataType.STRING)), DataType.FLOAT64)))
                .isEqualTo("col(\"a\").std(ddof=1).over([col(\"g\")])");
        assertThat(ExprFormat.format(new LogicalExpr.Case(List.of(new LogicalExpr.WhenThen(
                new LogicalExpr.Literal(true, DataType.BOOLEAN), a)), new LogicalExpr.Literal(null, DataType.INT64),
                DataType.INT64))).isEqualTo("when(true).then(col(\"a\")).otherwise(null)");
        assertThat(ExprFormat.format(new LogicalExpr.Cast(a, DataType.FLOAT64, true)))
                .isEqualTo("col(\"a\").strict_cast(Float64)");
        assertThat(ExprFormat.format(new NamedExpr("b", new LogicalExpr.Function(new ScalarFunction.IsIn(
                List.of(1L, 2L)), List.of(a), DataType.BOOLEAN)))).isEqualTo("col(\"a\").is_in([1, 2]).alias(\"b\")");
        assertThat(ExprFormat.format(new Expr.Binary(BinaryOperator.ADD, new Expr.Column("a"),
                new Expr.Literal(1, null)))).isEqualTo("[(col(\"a\")) + (dyn int: 1)]");
    }
}
