package dev.floe.bench;

import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.InMemory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** sum(v) group by k over 10M Int64 rows, into 1k or 1M groups of dense or sparse keys; one op = one query. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class GroupBySumBenchmark {
    @Param({"1000", "1000000"})
    public int keys;

    @Param({"10000000"})
    public int rows;

    /** dense: keys are 0 .. keys-1; sparse: the same keys scattered over the whole long range. */
    @Param({"dense", "sparse"})
    public String keySpread;

    private Aggregate plan;
    private LocalExecutor executor;

    @Setup
    public void setUp() {
        InMemory data = BenchData.keysAndValues(rows, keys, 42);
        if (keySpread.equals("sparse")) {
            data = BenchData.scatterKeys(data);
        }
        plan = new Aggregate(data, List.of(NamedExpr.column("k", DataType.INT64)), List.of(new NamedExpr("s",
                new LogicalExpr.Aggregate(new AggregateFunction.Sum(), new LogicalExpr.Column("v", DataType.INT64),
                        DataType.INT64))), false);
        executor = new LocalExecutor(ExecutionOptions.defaults());
    }

    @Benchmark
    public QueryOutput sumByKey() {
        return executor.execute(plan);
    }
}
