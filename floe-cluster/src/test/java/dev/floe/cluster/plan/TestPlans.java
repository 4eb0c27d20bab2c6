package dev.floe.cluster.plan;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.InMemory;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built inputs for planner and cluster tests. */
public final class TestPlans {
    public static final Schema KEY_VALUE = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));

    private TestPlans() {
    }

    /** {@code batches} batches of {@code rowsPerBatch} rows: k = row mod keys, v = row. */
    public static InMemory keyValues(int batches, int rowsPerBatch, int keys) {
        List<Batch> result = new ArrayList<>();
        long row = 0;
        for (int b = 0; b < batches; b++) {
            List<Long> k = new ArrayList<>();
            List<Long> v = new ArrayList<>();
            for (int i = 0; i < rowsPerBatch; i++, row++) {
                k.add(row % keys);
                v.add(row);
            }
            result.add(new Batch(KEY_VALUE, List.of(Vectors.fromObjects(DataType.INT64, k),
                    Vectors.fromObjects(DataType.INT64, v))));
        }
        return new InMemory(KEY_VALUE, result);
    }

    /** A dimension table: k in [0, keys) and name = "name-k". */
    public static InMemory names(int keys) {
        Schema schema = Schema.of(Field.of("k", DataType.INT64), Field.of("name", DataType.STRING));
        List<Long> k = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (long i = 0; i < keys; i++) {
            k.add(i);
            names.add("name-" + i);
        }
        return new InMemory(schema, List.of(new Batch(schema, List.of(Vectors.fromObjects(DataType.INT64, k),
                Vectors.fromObjects(DataType.STRING, names)))));
    }

    public static LogicalExpr column(String name, DataType type) {
        return new LogicalExpr.Column(name, type);
    }

    public static NamedExpr aggregate(String name, AggregateFunction function, String input, DataType type) {
        return new NamedExpr(name, new LogicalExpr.Aggregate(function, column(input, DataType.INT64), type));
    }
}
