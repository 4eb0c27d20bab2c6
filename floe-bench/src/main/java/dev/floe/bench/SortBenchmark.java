package dev.floe.bench;

import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
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

/** Sort of 10M random Int64 keys (with a second column carried along). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class SortBenchmark {
    private Sort plan;
    private LocalExecutor executor;

    @Setup
    public void setUp() {
        plan = new Sort(BenchData.keysAndValues(10_000_000, Integer.MAX_VALUE, 3),
                List.of(new SortKey(new LogicalExpr.Column("k", DataType.INT64), false, false)), true, -1);
        executor = new LocalExecutor(ExecutionOptions.defaults());
    }

    @Benchmark
    public QueryOutput sortInt64() {
        return executor.execute(plan);
    }
}
