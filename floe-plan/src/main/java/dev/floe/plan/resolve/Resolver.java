package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.ScanSource;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
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
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the user wrote ({@link DslPlan}) into a typed {@link LogicalPlan}, once: checks names, expands
 * wildcards, names outputs as Polars, coerces types with explicit casts, and reports user errors as
 * {@link FloeException}s naming what was wrong and what is valid.
 * <p>
 * Aggregations in {@code select}: when every expression aggregates, the select becomes an {@link Aggregate} with
 * no keys (one row). Otherwise (and always in {@code with_columns}) each aggregation outside a window is computed
 * by a one-row keyless {@link Aggregate} that is cross-joined to the input and read back as a column, so the value
 * is broadcast to every row.
 */
public final class Resolver {
    private static final String BROADCAST_PREFIX = "__floe_broadcast_";

    private final ScanSchemas scanSchemas;
    private final Map<ScanSource, Schema> schemaCache = new HashMap<>();

    public Resolver(ScanSchemas scanSchemas) {
        this.scanSchemas = scanSchemas;
    }

    /** A resolver that reads scan schemas with the registered readers. */
    public static Resolver withReaders() {
        return new Resolver(ScanSchemas.fromReaders());
    }

    public LogicalPlan resolve(DslPlan plan) {
        return switch (plan) {
            case DslPlan.Scan scan -> Scan.of(scan.source(),
                    schemaCache.computeIfAbsent(scan.source(), scanSchemas::schemaOf));
            case DslPlan.InMemory memory -> new InMemory(memory.schema(), memory.batches());
            case DslPlan.Select select -> select(resolve(select.input()), select.exprs());
            case DslPlan.WithColumns withColumns -> withColumns(resolve(withColumns.input()), withColumns.exprs());
            case DslPlan.Filter filter -> filter(resolve(filter.input()), filter.predicate());
            case DslPlan.GroupBy groupBy -> groupBy(resolve(groupBy.input()), groupBy);
            case DslPlan.Join join -> JoinResolver.resolve(resolve(join.left()), resolve(join.right()), join);
            case DslPlan.Sort sort -> sort(resolve(sort.input()), sort);
            case DslPlan.Slice slice -> new Slice(resolve(slice.input()), slice.offset(), slice.length());
            case DslPlan.Unique unique -> {
                LogicalPlan input = resolve(unique.input());
                if (unique.subset() != null) {
                    unique.subset().forEach(input.schema()::require);
                }
                yield new Distinct(input, unique.subset(), unique.keep(), unique.maintainOrder());
            }
            case DslPlan.Rename rename -> rename(resolve(rename.input()), rename.mapping());
            case DslPlan.Drop drop -> drop(resolve(drop.input()), drop.names());
            case DslPlan.WithRowIndex rowIndex -> {
                LogicalPlan input = resolve(rowIndex.input());
                if (input.schema().contains(rowIndex.name())) {
                    throw new FloeException(ErrorCode.DUPLICATE_COLUMN, "with_row_index column '" + rowIndex.name()
                            + "' already exists in " + input.schema().names() + "; choose another name");
                }
                yield new RowIndex(input, rowIndex.name(), rowIndex.offset());
            }
            case DslPlan.Concat concat -> {
                List<LogicalPlan> inputs = new ArrayList<>();
                for (DslPlan input : concat.inputs()) {
                    inputs.add(resolve(input));
                }
                yield new Union(inputs);
            }
            case DslPlan.Sink sink -> new Sink(resolve(sink.input()), sink.format(), sink.path(), sink.options());
        };
    }

    /** Expands and resolves expressions against {@code schema}, each with its output name. */
    static List<NamedExpr> resolveNamed(List<Expr> exprs, Schema schema, Set<String> hidden) {
        ExprResolver resolver = new ExprResolver(schema);
        List<NamedExpr> named = new ArrayList<>();
        for (Expr expr : Wildcards.expand(exprs, schema, hidden)) {
            named.add(new NamedExpr(Wildcards.outputName(expr), resolver.resolve(expr)));
        }
        return named;
    }

    static void requireUniqueNames(List<NamedExpr> exprs, String operation) {
        Set<String> seen = new HashSet<>();
        for (NamedExpr expr : exprs) {
            if (!seen.add(expr.name())) {
                throw new FloeException(ErrorCode.DUPLICATE_COLUMN, operation + " produces the column '" + expr.name()
                        + "' more than once (in " + ExprFormat.formatAll(exprs) + "); give each a unique name with"
                        + " alias()");
            }
        }
    }

    private static LogicalPlan select(LogicalPlan input, List<Expr> exprs) {
        List<NamedExpr> named = resolveNamed(exprs, input.schema(), Set.of());
        requireUniqueNames(named, "select");
        boolean anyAggregates = named.stream().anyMatch(n -> Aggregates.aggregatesRows(n.expr()));
        if (!anyAggregates) {
            return new Project(input, named);
        }
        boolean allAggregate = named.stream().allMatch(n -> Aggregates.bareColumn(n.expr()) == null
                && (Aggregates.aggregatesRows(n.expr()) || n.expr() instanceof LogicalExpr.Literal));
        if (allAggregate) {
            return new Aggregate(input, List.of(), named, false);
        }
        return broadcast(input, named, false);
    }

    private static LogicalPlan withColumns(LogicalPlan input, List<Expr> exprs) {
        List<NamedExpr> named = resolveNamed(exprs, input.schema(), Set.of());
        requireUniqueNames(named, "with_columns");
        if (named.stream().noneMatch(n -> Aggregates.aggregatesRows(n.expr()))) {
            return new WithColumns(input, named);
        }
        return broadcast(input, named, true);
    }

    /** Aggregations computed once by a keyless Aggregate, cross-joined back and read as columns. */
    private static LogicalPlan broadcast(LogicalPlan input, List<NamedExpr> named, boolean keepInputColumns) {
        Schema inputSchema = input.schema();
        List<NamedExpr> aggregates = new ArrayList<>();
        List<NamedExpr> rewritten = new ArrayList<>();
        for (NamedExpr expr : named) {
            rewritten.add(new NamedExpr(expr.name(), extract(expr.expr(), aggregates, inputSchema)));
        }
        Aggregate oneRow = new Aggregate(input, List.of(), aggregates, false);
        Join joined = new Join(input, oneRow, JoinType.CROSS, List.of(), List.of(), "_right");
        List<NamedExpr> outputs = new ArrayList<>();
        if (keepInputColumns) {
            Map<String, NamedExpr> byName = new HashMap<>();
            rewritten.forEach(r -> byName.put(r.name(), r));
            for (Field field : inputSchema.fields()) {
                NamedExpr replacement = byName.remove(field.name());
                outputs.add(replacement != null ? replacement : NamedExpr.column(field.name(), field.type()));
            }
            for (NamedExpr expr : rewritten) {
                if (byName.containsKey(expr.name())) {
                    outputs.add(expr);
                }
            }
        } else {
            outputs.addAll(rewritten);
        }
        return new Project(joined, outputs);
    }

    private static LogicalExpr extract(LogicalExpr expr, List<NamedExpr> aggregates, Schema inputSchema) {
        if (expr instanceof LogicalExpr.Aggregate) {
            String name = BROADCAST_PREFIX + aggregates.size();
            while (inputSchema.contains(name)) {
                name = name + "_";
            }
            aggregates.add(new NamedExpr(name, expr));
            return new LogicalExpr.Column(name, expr.type());
        }
        if (expr instanceof LogicalExpr.Window || expr.children().isEmpty()) {
            return expr;
        }
        List<LogicalExpr> children = new ArrayList<>();
        for (LogicalExpr child : expr.children()) {
            children.add(extract(child, aggregates, inputSchema));
        }
        return expr.withChildren(children);
    }

    private static LogicalPlan filter(LogicalPlan input, Expr predicate) {
        List<Expr> expanded = Wildcards.expand(predicate, input.schema(), Set.of());
        if (expanded.size() != 1) {
            throw new FloeException(ErrorCode.INVALID_PLAN, "filter predicate " + ExprFormat.format(predicate)
                    + " expands to " + expanded.size() + " expressions; a filter needs exactly one");
        }
        LogicalExpr resolved = new ExprResolver(input.schema()).resolve(expanded.getFirst());
        if (Aggregates.aggregatesRows(resolved)) {
            throw aggregationNotAllowed(predicate, "filter");
        }
        if (!(resolved.type() instanceof DataType.BooleanType)) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "filter predicate " + ExprFormat.format(predicate)
                    + " has type " + resolved.type() + "; a filter needs a Boolean expression such as"
                    + " col(\"a\") > 1");
        }
        return new Filter(input, resolved);
    }

    static FloeException aggregationNotAllowed(Expr expr, String where) {
        return new FloeException(ErrorCode.INVALID_PLAN, "aggregation in " + where + " expression "
                + ExprFormat.format(expr) + " is not allowed; aggregations belong in select, with_columns,"
                + " group_by().agg() or over()");
    }

    private static LogicalPlan groupBy(LogicalPlan input, DslPlan.GroupBy groupBy) {
        Schema schema = input.schema();
        List<NamedExpr> keys = resolveNamed(groupBy.keys(), schema, Set.of());
        for (NamedExpr key : keys) {
            if (Aggregates.containsAggregate(key.expr())) {
                throw new FloeException(ErrorCode.INVALID_PLAN, "group_by key " + ExprFormat.format(key)
                        + " is an aggregation; group by columns or row-wise expressions");
            }
        }
        Set<String> keyNames = new LinkedHashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        List<NamedExpr> aggregations = resolveNamed(groupBy.aggregations(), schema, keyNames);
        for (NamedExpr aggregation : aggregations) {
            if (aggregation.expr() instanceof LogicalExpr.Literal) {
                continue;
            }
            if (Aggregates.containsAggregate(aggregation.expr()) && !Aggregates.aggregatesRows(aggregation.expr())) {
                throw new FloeException(ErrorCode.INVALID_PLAN, "over() in group_by().agg() expression "
                        + ExprFormat.format(aggregation) + " is not supported");
            }
            LogicalExpr.Column bare = Aggregates.bareColumn(aggregation.expr());
            if (bare != null || !Aggregates.aggregatesRows(aggregation.expr())) {
                String column = bare == null ? ExprFormat.format(aggregation) : "col(\"" + bare.name() + "\")";
                throw new FloeException(ErrorCode.INVALID_PLAN, "group_by().agg() expression "
                        + ExprFormat.format(aggregation) + " uses " + column + " without aggregating it; wrap it in"
                        + " an aggregation such as .sum(), .first() or .len() (list aggregation is not supported)");
            }
        }
        List<NamedExpr> all = new ArrayList<>(keys);
        all.addAll(aggregations);
        requireUniqueNames(all, "group_by().agg()");
        return new Aggregate(input, keys, aggregations, groupBy.maintainOrder());
    }

    private static LogicalPlan sort(LogicalPlan input, DslPlan.Sort sort) {
        Schema schema = input.schema();
        ExprResolver resolver = new ExprResolver(schema);
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < sort.by().size(); i++) {
            for (Expr expr : Wildcards.expand(sort.by().get(i), schema, Set.of())) {
                LogicalExpr resolved = resolver.resolve(expr);
                if (Aggregates.aggregatesRows(resolved)) {
                    throw aggregationNotAllowed(expr, "sort");
                }
                if (resolved.type().isNested()) {
                    throw new FloeException(ErrorCode.TYPE_MISMATCH, "sort key " + ExprFormat.format(expr)
                            + " has type " + resolved.type() + ", which cannot be ordered");
                }
                keys.add(new SortKey(resolved, sort.descending().get(i), sort.nullsLast().get(i)));
            }
        }
        if (keys.isEmpty()) {
            throw new FloeException(ErrorCode.INVALID_PLAN, "sort keys " + sort.by() + " select no column");
        }
        return new Sort(input, keys, sort.maintainOrder(), -1);
    }

    private static LogicalPlan rename(LogicalPlan input, Map<String, String> mapping) {
        Schema schema = input.schema();
        mapping.keySet().forEach(schema::require);
        List<NamedExpr> outputs = new ArrayList<>();
        for (Field field : schema.fields()) {
            outputs.add(new NamedExpr(mapping.getOrDefault(field.name(), field.name()),
                    new LogicalExpr.Column(field.name(), field.type())));
        }
        requireUniqueNames(outputs, "rename");
        return new Project(input, outputs);
    }

    private static LogicalPlan drop(LogicalPlan input, List<String> names) {
        Schema schema = input.schema();
        names.forEach(schema::require);
        List<NamedExpr> outputs = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (!names.contains(field.name())) {
                outputs.add(NamedExpr.column(field.name(), field.type()));
            }
        }
        return new Project(input, outputs);
    }
}
