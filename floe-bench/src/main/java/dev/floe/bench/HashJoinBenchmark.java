package dev.floe.bench;

import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
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

/** Inner hash join of 10M probe rows against 1M unique build keys (every probe row matches once). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class HashJoinBenchmark {
    private Join plan;
    private LocalExecutor executor;

    @Setup
    public void setUp() {
        plan = new Join(BenchData.keysAndValues(10_000_000, 1_000_000, 7), BenchData.uniqueKeys(1_000_000, "k", "p"),
                JoinType.INNER, List.of(new LogicalExpr.Column("k", DataType.INT64)),
                List.of(new LogicalExpr.Column("k", DataType.INT64)), "_right");
        executor = new LocalExecutor(ExecutionOptions.defaults());
    }

    @Benchmark
    public QueryOutput innerJoin() {
        return executor.execute(plan);
    }
}
