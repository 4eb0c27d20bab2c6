package dev.floe.bench;

import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Project;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code select(k * 2 + v).filter(v < 500)} over 10M Int64 rows (half the rows pass). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class FilterProjectBenchmark {
    private Project plan;
    private LocalExecutor executor;

    @Setup
    public void setUp() {
        LogicalExpr k = new LogicalExpr.Column("k", DataType.INT64);
        LogicalExpr v = new LogicalExpr.Column("v", DataType.INT64);
        Filter filter = new Filter(BenchData.keysAndValues(10_000_000, 1000, 5), new LogicalExpr.Binary(
                BinaryOperator.LESS, v, new LogicalExpr.Literal(500L, DataType.INT64), DataType.BOOLEAN));
        LogicalExpr expr = new LogicalExpr.Binary(BinaryOperator.ADD, new LogicalExpr.Binary(BinaryOperator.MULTIPLY, k,
                new LogicalExpr.Literal(2L, DataType.INT64), DataType.INT64), v, DataType.INT64);
        plan = new Project(filter, List.of(new NamedExpr("x", expr)));
        executor = new LocalExecutor(ExecutionOptions.defaults());
    }

    @Benchmark
    public QueryOutput filterProject() {
        return executor.execute(plan);
    }
}
