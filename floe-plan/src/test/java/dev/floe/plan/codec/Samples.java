package dev.floe.plan.codec;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample values of every type, function, expression and plan node for codec round trips. */
final class Samples {
    private Samples() {
    }

    static List<DataType> types() {
        return List.of(DataType.BOOLEAN, DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
                DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64, DataType.FLOAT32,
                DataType.FLOAT64, DataType.STRING, DataType.BINARY, DataType.DATE, DataType.TIME, DataType.NULL,
                DataType.datetime(TimeUnit.MICROSECONDS), DataType.datetime(TimeUnit.NANOSECONDS, "Europe/Paris"),
                DataType.duration(TimeUnit.MILLISECONDS), DataType.decimal(12, 2), DataType.decimal(30, 5),
                DataType.list(DataType.INT64), DataType.struct(List.of(Field.of("x", DataType.INT32),
                        Field.of("y", DataType.list(DataType.STRING)))));
    }

    /** One value per type of {@link #types()} (as {@code Vector#getObject} returns it). */
    static List<Object> values() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("x", 3);
        struct.put("y", List.of("a", "b"));
        return Arrays.asList(true, 1, 2, 3, 4L, 5, 6, 7L, -1L, 1.5f, -0.0, "héllo", new byte[] {1, 2, 3},
                LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15, 16), null,
                LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6000),
                ZonedDateTime.of(2021, 6, 1, 12, 0, 0, 7, ZoneId.of("Europe/Paris")), Duration.ofMillis(1234),
                new BigDecimal("1234.56"), new BigDecimal("123456789012345678901.12345"), List.of(1L, 2L), struct);
    }

    static List<ScalarFunction> scalarFunctions() {
        return List.of(new ScalarFunction.IsNull(), new ScalarFunction.IsNotNull(), new ScalarFunction.FillNull(),
                new ScalarFunction.Not(), new ScalarFunction.Negate(),
                new ScalarFunction.IsIn(Arrays.asList(1, 2L, null, "x", LocalDate.of(2020, 1, 1), 2.5)),
                new ScalarFunction.IsBetween(ClosedInterval.LEFT), new ScalarFunction.Abs(), new ScalarFunction.Sqrt(),
                new ScalarFunction.Round(3), new ScalarFunction.StrContains("a.*b", false),
                new ScalarFunction.StrStartsWith("pre"), new ScalarFunction.StrEndsWith("post"),
                new ScalarFunction.StrSlice(-3, 2L), new ScalarFunction.StrSlice(1, null),
                new ScalarFunction.StrLenChars(), new ScalarFunction.StrToUppercase(),
                new ScalarFunction.StrToLowercase(), new ScalarFunction.StrReplace("a", "b", true, false),
                new ScalarFunction.StrReplace("[0-9]+", "#", false, true), new ScalarFunction.Year(),
                new ScalarFunction.Month(), new ScalarFunction.Day(), new ScalarFunction.Weekday(),
                new ScalarFunction.Quarter(), new ScalarFunction.OrdinalDay());
    }

    static List<AggregateFunction> aggregateFunctions() {
        return List.of(new AggregateFunction.Sum(), new AggregateFunction.Mean(), new AggregateFunction.Min(),
                new AggregateFunction.Max(), new AggregateFunction.Count(), new AggregateFunction.Len(),
                new AggregateFunction.NUnique(), new AggregateFunction.First(), new AggregateFunction.Last(),
                new AggregateFunction.Median(), new AggregateFunction.Std(1), new AggregateFunction.Var(0),
                new AggregateFunction.Quantile(0.25, QuantileMethod.MIDPOINT));
    }

    static final Schema TABLE = Schema.of(Field.of("a", DataType.INT64), Field.of("s", DataType.STRING),
            Field.of("d", DataType.DATE), Field.of("x", DataType.FLOAT64));

    static LogicalExpr a() {
        return new LogicalExpr.Column("a", DataType.INT64);
    }

    /** Expressions over {@link #TABLE} using every expression node, every function and every literal type. */
    static List<LogicalExpr> exprs() {
        List<LogicalExpr> exprs = new ArrayList<>();
        List<DataType> types = types();
        List<Object> values = values();
        for (int i = 0; i < types.size(); i++) {
            exprs.add(new LogicalExpr.Literal(values.get(i), types.get(i)));
            exprs.add(new LogicalExpr.Literal(null, types.get(i)));
        }
        exprs.add(a());
        exprs.add(new LogicalExpr.Cast(a(), DataType.FLOAT64, true));
        for (BinaryOperator operator : BinaryOperator.values()) {
            exprs.add(new LogicalExpr.Binary(operator, a(), a(), operator.isComparison() ? DataType.BOOLEAN
                    : DataType.INT64));
        }
        for (ScalarFunction function : scalarFunctions()) {
            exprs.add(new LogicalExpr.Function(function, List.of(a(), new LogicalExpr.Literal(0L, DataType.INT64)),
                    DataType.INT64));
        }
        for (AggregateFunction function : aggregateFunctions()) {
            exprs.add(new LogicalExpr.Aggregate(function, a(), DataType.INT64));
        }
        exprs.add(new LogicalExpr.Aggregate(new AggregateFunction.Len(), null, DataType.UINT32));
        exprs.add(new LogicalExpr.Case(List.of(new LogicalExpr.WhenThen(new LogicalExpr.Literal(true,
                DataType.BOOLEAN), a())), a(), DataType.INT64));
        exprs.add(new LogicalExpr.Window(new LogicalExpr.Aggregate(new AggregateFunction.Sum(), a(), DataType.INT64),
                List.of(new LogicalExpr.Column("s", DataType.STRING)), DataType.INT64));
        return exprs;
    }

    static Batch batch(Schema schema, List<List<?>> columns) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            vectors.add(Vectors.fromObjects(schema.field(i).type(), columns.get(i)));
        }
        return new Batch(schema, vectors);
    }

    static InMemory inMemory() {
        List<Field> fields = new ArrayList<>();
        List<List<?>> columns = new ArrayList<>();
        List<DataType> types = types();
        List<Object> values = values();
        for (int i = 0; i < types.size(); i++) {
            fields.add(Field.of("c" + i, types.get(i)));
            Object value = types.get(i) instanceof DataType.UInt64Type
                    ? new java.math.BigInteger("18446744073709551615") : values.get(i);
            columns.add(Arrays.asList(value, null));
        }
        Schema schema = new Schema(fields);
        return new InMemory(schema, List.of(batch(schema, columns), batch(schema, columns)));
    }

    static ScanSource source() {
        return new ScanSource(FileFormat.PARQUET, List.of("data/*.parquet", "more.parquet"),
                Map.of("hive_partitioning", "true"));
    }

    /** One plan per node type. */
    static List<LogicalPlan> plans() {
        Scan scan = Scan.of(source(), TABLE);
        LogicalExpr predicate = new LogicalExpr.Binary(BinaryOperator.GREATER, a(),
                new LogicalExpr.Literal(1L, DataType.INT64), DataType.BOOLEAN);
        List<LogicalPlan> plans = new ArrayList<>();
        plans.add(scan);
        plans.add(scan.withProjection(List.of("s", "a")).withPredicate(predicate).withLimit(10));
        plans.add(inMemory());
        plans.add(new Filter(scan, predicate));
        plans.add(new Project(scan, List.of(new NamedExpr("b", a()))));
        plans.add(new WithColumns(scan, List.of(new NamedExpr("a", new LogicalExpr.Literal(3L, DataType.INT64)))));
        plans.add(new Aggregate(scan, List.of(new NamedExpr("s", new LogicalExpr.Column("s", DataType.STRING))),
                List.of(new NamedExpr("total", new LogicalExpr.Aggregate(new AggregateFunction.Sum(), a(),
                        DataType.INT64))), true));
        plans.add(new Join(scan, scan, JoinType.LEFT, List.of(a()), List.of(a()), "_other"));
        plans.add(new Join(scan, new Project(scan, List.of(new NamedExpr("z", a()))), JoinType.CROSS, List.of(),
                List.of(), "_right"));
        plans.add(new Sort(scan, List.of(new SortKey(a(), true, false), new SortKey(new LogicalExpr.Column("s",
                DataType.STRING), false, true)), true, 5));
        plans.add(new Slice(scan, -4, 2));
        plans.add(new Distinct(scan, null, UniqueKeep.NONE, false));
        plans.add(new Distinct(scan, List.of("a"), UniqueKeep.LAST, true));
        plans.add(new Union(List.of(scan, scan, scan)));
        plans.add(new RowIndex(scan, "index", 3));
        plans.add(new Cache(scan, 7));
        plans.add(new Sink(scan, FileFormat.IPC, "/tmp/out.arrow", Map.of("compression", "zstd")));
        return plans;
    }
}
