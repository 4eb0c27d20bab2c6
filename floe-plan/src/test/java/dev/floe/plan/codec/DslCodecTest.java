package dev.floe.plan.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.UniqueKeep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DslCodecTest {
    private static final Expr A = new Expr.Column("a");

    private static List<Expr> exprs() {
        List<Expr> exprs = new ArrayList<>();
        exprs.add(A);
        exprs.add(new Expr.Columns(List.of("a", "b")));
        exprs.add(new Expr.All());
        exprs.add(new Expr.Exclude(List.of("b")));
        exprs.add(new Expr.Literal(1, null));
        exprs.add(new Expr.Literal(5L, DataType.UINT16));
        exprs.add(new Expr.Literal(null, null));
        exprs.add(new Expr.Literal(LocalDate.of(2000, 1, 1), null));
        exprs.add(new Expr.Alias(A, "b"));
        for (BinaryOperator operator : BinaryOperator.values()) {
            exprs.add(new Expr.Binary(operator, A, new Expr.Literal(2.5, null)));
        }
        for (ScalarFunction function : Samples.scalarFunctions()) {
            exprs.add(new Expr.Function(function, List.of(A, new Expr.Literal("x", null))));
        }
        exprs.add(new Expr.Cast(A, DataType.decimal(10, 2), false));
        exprs.add(new Expr.When(List.of(new Expr.Branch(A, A), new Expr.Branch(A, A)), new Expr.Literal(0, null)));
        for (AggregateFunction function : Samples.aggregateFunctions()) {
            exprs.add(new Expr.Aggregation(function, A));
        }
        exprs.add(new Expr.Aggregation(new AggregateFunction.Len(), null));
        exprs.add(new Expr.Window(new Expr.Aggregation(new AggregateFunction.Sum(), A), List.of(A, A)));
        exprs.add(new Expr.Unique(A));
        return exprs;
    }

    private static List<DslPlan> plans() {
        DslPlan scan = new DslPlan.Scan(Samples.source());
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("b", "c");
        mapping.put("a", "b");
        List<DslPlan> plans = new ArrayList<>();
        plans.add(scan);
        plans.add(new DslPlan.Select(scan, exprs()));
        plans.add(new DslPlan.WithColumns(scan, List.of(A)));
        plans.add(new DslPlan.Filter(scan, A));
        plans.add(new DslPlan.GroupBy(scan, List.of(A), List.of(new Expr.Aggregation(new AggregateFunction.Max(), A)),
                true));
        plans.add(new DslPlan.Join(scan, scan, List.of(A), List.of(A), JoinType.SEMI, "_x"));
        plans.add(new DslPlan.Join(scan, scan, List.of(), List.of(), JoinType.CROSS, "_right"));
        plans.add(new DslPlan.Sort(scan, List.of(A, A), List.of(true, false), List.of(false, true), true));
        plans.add(new DslPlan.Slice(scan, -1, 1));
        plans.add(new DslPlan.Unique(scan, null, UniqueKeep.ANY, false));
        plans.add(new DslPlan.Unique(scan, List.of("a"), UniqueKeep.LAST, true));
        plans.add(new DslPlan.Rename(scan, mapping));
        plans.add(new DslPlan.Drop(scan, List.of("a", "b")));
        plans.add(new DslPlan.WithRowIndex(scan, "idx", 10));
        plans.add(new DslPlan.Concat(List.of(scan, scan)));
        plans.add(new DslPlan.Sink(scan, FileFormat.PARQUET, "s3://bucket/out.parquet", Map.of("compression", "zstd")));
        plans.add(new DslPlan.InMemory(Samples.inMemory().schema(), Samples.inMemory().batches()));
        return plans;
    }

    @Test
    void samplesCoverEveryDslNode() {
        Set<Class<?>> planClasses = new HashSet<>();
        plans().forEach(p -> planClasses.add(p.getClass()));
        assertThat(planClasses).isEqualTo(new HashSet<>(Arrays.asList(DslPlan.class.getPermittedSubclasses())));
        Set<Class<?>> exprClasses = new HashSet<>();
        exprs().forEach(e -> exprClasses.add(e.getClass()));
        assertThat(exprClasses).isEqualTo(new HashSet<>(Arrays.asList(Expr.class.getPermittedSubclasses())));
    }

    @Test
    void everyDslPlanRoundTrips() {
        for (DslPlan plan : plans()) {
            byte[] bytes = DslCodec.encode(plan);
            DslPlan decoded = DslCodec.decode(bytes);
            assertThat(DslCodec.encode(decoded)).isEqualTo(bytes);
            if (!(plan instanceof DslPlan.InMemory)) {
                assertThat(decoded).isEqualTo(plan);
            }
        }
    }

    @Test
    void renameKeepsItsOrder() {
        DslPlan.Rename rename = (DslPlan.Rename) plans().get(11);
        DslPlan.Rename decoded = (DslPlan.Rename) DslCodec.decode(DslCodec.encode(rename));
        assertThat(decoded.mapping().keySet()).containsExactly("b", "a");
    }

    @Test
    void rejectsTruncatedDslPlans() {
        for (DslPlan plan : plans()) {
            byte[] bytes = DslCodec.encode(plan);
            for (int length = 0; length < bytes.length; length += 1 + length / 50) {
                byte[] truncated = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> DslCodec.decode(truncated)).isInstanceOfSatisfying(FloeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN));
            }
        }
    }
}
