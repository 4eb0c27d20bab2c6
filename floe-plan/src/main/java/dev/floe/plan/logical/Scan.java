package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Reads a table from files. {@code tableSchema} is everything the source holds; {@code projection} the columns
 * to output ({@code null}: all, in table order); {@code predicate} a filter pushed into the scan (may read
 * columns outside the projection; {@code null}: none) which the executor applies exactly and the reader uses
 * to skip data; {@code limit} the most rows to read ({@code -1}: no limit; applied after the predicate);
 * {@code schema} the output schema: the projection's columns (the constructor without it derives it).
 */
public record Scan(ScanSource source, Schema tableSchema, List<String> projection, LogicalExpr predicate, long limit,
        Schema schema) implements LogicalPlan {
    public Scan(ScanSource source, Schema tableSchema, List<String> projection, LogicalExpr predicate, long limit) {
        this(source, tableSchema, projection, predicate, limit, outputSchema(tableSchema, projection));
    }

    public Scan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tableSchema, "tableSchema");
        if (projection != null) {
            projection = List.copyOf(projection);
        }
        PlanChecks.storedSchema("scan", schema, outputSchema(tableSchema, projection));
        if (predicate != null) {
            PlanChecks.isBoolean(predicate, "scan");
            PlanChecks.columnsExist(predicate, tableSchema, "scan predicate");
        }
        if (limit < -1) {
            throw FloeException.internal("scan limit " + limit);
        }
    }

    public static Scan of(ScanSource source, Schema tableSchema) {
        return new Scan(source, tableSchema, null, null, -1);
    }

    private static Schema outputSchema(Schema tableSchema, List<String> projection) {
        return projection == null ? tableSchema : tableSchema.select(projection);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 0);
        return this;
    }

    public Scan withProjection(List<String> newProjection) {
        return new Scan(source, tableSchema, newProjection, predicate, limit);
    }

    public Scan withPredicate(LogicalExpr newPredicate) {
        return new Scan(source, tableSchema, projection, newPredicate, limit);
    }

    public Scan withLimit(long newLimit) {
        return new Scan(source, tableSchema, projection, predicate, newLimit);
    }
}
