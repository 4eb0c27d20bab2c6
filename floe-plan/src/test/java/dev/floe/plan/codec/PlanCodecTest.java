package dev.floe.plan.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.expr.NamedExpr;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
    private static Set<Class<?>> permitted(Class<?> sealed) {
        return new HashSet<>(Arrays.asList(sealed.getPermittedSubclasses()));
    }

    @Test
    void samplesCoverEveryPermittedSubtype() {
        Set<Class<?>> plans = new HashSet<>();
        Samples.plans().forEach(p -> plans.add(p.getClass()));
        assertThat(plans).isEqualTo(permitted(LogicalPlan.class));
        Set<Class<?>> exprs = new HashSet<>();
        Samples.exprs().forEach(e -> exprs.add(e.getClass()));
        Set<Class<?>> expectedExprs = permitted(LogicalExpr.class);
        assertThat(exprs).isEqualTo(expectedExprs);
        Set<Class<?>> scalars = new HashSet<>();
        Samples.scalarFunctions().forEach(f -> scalars.add(f.getClass()));
        assertThat(scalars).isEqualTo(permitted(ScalarFunction.class));
        Set<Class<?>> aggregates = new HashSet<>();
        Samples.aggregateFunctions().forEach(f -> aggregates.add(f.getClass()));
        assertThat(aggregates).isEqualTo(permitted(AggregateFunction.class));
        Set<Class<?>> types = new HashSet<>();
        Samples.types().forEach(t -> types.add(t.getClass()));
        assertThat(types).isEqualTo(permitted(DataType.class));
    }

    @Test
    void everyPlanNodeRoundTrips() {
        for (LogicalPlan plan : Samples.plans()) {
            byte[] bytes = PlanCodec.encode(plan);
            LogicalPlan decoded = PlanCodec.decode(bytes);
            assertThat(PlanCodec.encode(decoded)).as(plan.getClass().getSimpleName()).isEqualTo(bytes);
            assertThat(decoded.schema()).isEqualTo(plan.schema());
            if (!(plan instanceof InMemory)) {
                assertThat(decoded).isEqualTo(plan);
            }
        }
    }

    @Test
    void inMemoryBatchesRoundTripValueForValue() {
        InMemory plan = Samples.inMemory();
        InMemory decoded = (InMemory) PlanCodec.decode(PlanCodec.encode(plan));
        assertThat(decoded.batches()).hasSameSizeAs(plan.batches());
        for (int b = 0; b < plan.batches().size(); b++) {
            for (int c = 0; c < plan.schema().size(); c++) {
                for (int row = 0; row < plan.batches().get(b).rowCount(); row++) {
                    Object expected = plan.batches().get(b).column(c).getObject(row);
                    Object actual = decoded.batches().get(b).column(c).getObject(row);
                    if (expected instanceof byte[] bytes) {
                        assertThat((byte[]) actual).isEqualTo(bytes);
                    } else {
                        assertThat(actual).as(plan.schema().field(c).toString()).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void largestUnsigned64RoundTripsAsItsValue() {
        InMemory plan = Samples.inMemory();
        int column = plan.schema().names().indexOf("c" + Samples.types().indexOf(DataType.UINT64));
        InMemory decoded = (InMemory) PlanCodec.decode(PlanCodec.encode(plan));
        assertThat(decoded.batches().getFirst().column(column).getObject(0))
                .isEqualTo(new java.math.BigInteger("18446744073709551615"));
    }

    @Test
    void everyExpressionRoundTripsWithItsValuesClassesAndTypes() {
        for (LogicalExpr expr : Samples.exprs()) {
            byte[] bytes = PlanCodec.encodeExpr(expr);
            LogicalExpr decoded = PlanCodec.decodeExpr(bytes);
            assertThat(PlanCodec.encodeExpr(decoded)).isEqualTo(bytes);
            if (expr instanceof LogicalExpr.Literal literal && literal.value() instanceof byte[] raw) {
                assertThat((byte[]) ((LogicalExpr.Literal) decoded).value()).isEqualTo(raw);
            } else {
                assertThat(decoded).isEqualTo(expr);
            }
        }
    }

    @Test
    void negativeZeroAndNaNKeepTheirBits() {
        LogicalExpr nan = new LogicalExpr.Literal(Double.longBitsToDouble(0x7ff8000000000123L), DataType.FLOAT64);
        LogicalExpr decoded = PlanCodec.decodeExpr(PlanCodec.encodeExpr(nan));
        assertThat(Double.doubleToRawLongBits((Double) ((LogicalExpr.Literal) decoded).value()))
                .isEqualTo(0x7ff8000000000123L);
    }

    @Test
    void namedExpressionsKeepTheirNames() {
        LogicalPlan plan = new Project(Samples.plans().getFirst(), List.of(new NamedExpr("renamed", Samples.a())));
        assertThat(PlanCodec.decode(PlanCodec.encode(plan)).schema().names()).containsExactly("renamed");
    }
}
