package dev.floe.plan.expr;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import java.util.List;
import java.util.Objects;

/**
 * A resolved, typed expression: every column reference names an existing input column, every operand has
 * been coerced (explicit {@link Cast} nodes), and {@link #type()} is the result type. The executor evaluates
 * these over batches; the optimizer rewrites them.
 */
public sealed interface LogicalExpr {
    DataType type();

    /** The direct sub-expressions, in order. */
    List<LogicalExpr> children();

    /** The same node over new children (same count and order as {@link #children()}). */
    LogicalExpr withChildren(List<LogicalExpr> children);

    /** A column of the input, by name. */
    record Column(String name, DataType type) implements LogicalExpr {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public List<LogicalExpr> children() {
            return List.of();
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, 0);
            return this;
        }
    }

    /**
     * A constant; {@code value} is the Java object {@code Vector#getObject} would return for {@code type}, or
     * {@code null} for a null of that type.
     */
    record Literal(Object value, DataType type) implements LogicalExpr {
        public Literal {
            Objects.requireNonNull(type, "type");
        }

        public List<LogicalExpr> children() {
            return List.of();
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, 0);
            return this;
        }
    }

    /** Conversion to {@code type}; {@code strict} fails on values that do not convert instead of giving null. */
    record Cast(LogicalExpr input, DataType type, boolean strict) implements LogicalExpr {
        public Cast {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(type, "type");
        }

        public List<LogicalExpr> children() {
            return List.of(input);
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, 1);
            return new Cast(children.getFirst(), type, strict);
        }
    }

    /** {@code left op right}, operands already coerced to a common type where the operator needs one. */
    record Binary(BinaryOperator operator, LogicalExpr left, LogicalExpr right, DataType type) implements LogicalExpr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(type, "type");
            if (operator.isComparison() && !(type instanceof DataType.BooleanType)) {
                throw FloeException.internal("comparison " + operator + " typed " + type);
            }
        }

        public List<LogicalExpr> children() {
            return List.of(left, right);
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, 2);
            return new Binary(operator, children.get(0), children.get(1), type);
        }
    }

    /** A row-wise function of its arguments. */
    record Function(ScalarFunction function, List<LogicalExpr> arguments, DataType type) implements LogicalExpr {
        public Function {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(type, "type");
            if (arguments.isEmpty()) {
                throw FloeException.internal("function " + function.name() + " without arguments");
            }
        }

        public List<LogicalExpr> children() {
            return arguments;
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, arguments.size());
            return new Function(function, children, type);
        }
    }

    /** {@code when(c1).then(v1).when(c2).then(v2)...otherwise(v)}: the first true condition wins. */
    record Case(List<WhenThen> branches, LogicalExpr otherwise, DataType type) implements LogicalExpr {
        public Case {
            branches = List.copyOf(branches);
            Objects.requireNonNull(otherwise, "otherwise");
            Objects.requireNonNull(type, "type");
            if (branches.isEmpty()) {
                throw FloeException.internal("a case expression needs at least one branch");
            }
        }

        public List<LogicalExpr> children() {
            List<LogicalExpr> all = new java.util.ArrayList<>(branches.size() * 2 + 1);
            for (WhenThen branch : branches) {
                all.add(branch.condition());
                all.add(branch.value());
            }
            all.add(otherwise);
            return all;
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, branches.size() * 2 + 1);
            List<WhenThen> rebuilt = new java.util.ArrayList<>(branches.size());
            for (int i = 0; i < branches.size(); i++) {
                rebuilt.add(new WhenThen(children.get(2 * i), children.get(2 * i + 1)));
            }
            return new Case(rebuilt, children.getLast(), type);
        }
    }

    /** One {@code when(condition).then(value)} of a {@link Case}. */
    record WhenThen(LogicalExpr condition, LogicalExpr value) {
        public WhenThen {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An aggregation over a group (in an {@code Aggregate} plan node) or a window (inside {@link Window}).
     * {@code input} is {@code null} only for {@link AggregateFunction.Len} counting rows.
     */
    record Aggregate(AggregateFunction function, LogicalExpr input, DataType type) implements LogicalExpr {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(type, "type");
            if (input == null && !(function instanceof AggregateFunction.Len)) {
                throw FloeException.internal("aggregate " + function.name() + " without an input");
            }
        }

        public List<LogicalExpr> children() {
            return input == null ? List.of() : List.of(input);
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, input == null ? 0 : 1);
            return new Aggregate(function, input == null ? null : children.getFirst(), type);
        }
    }

    /** {@code function.over(partitionBy)}: an aggregate computed per partition and broadcast to its rows. */
    record Window(LogicalExpr function, List<LogicalExpr> partitionBy, DataType type) implements LogicalExpr {
        public Window {
            Objects.requireNonNull(function, "function");
            partitionBy = List.copyOf(partitionBy);
            Objects.requireNonNull(type, "type");
            if (partitionBy.isEmpty()) {
                throw FloeException.internal("a window needs at least one partition expression");
            }
        }

        public List<LogicalExpr> children() {
            List<LogicalExpr> all = new java.util.ArrayList<>(partitionBy.size() + 1);
            all.add(function);
            all.addAll(partitionBy);
            return all;
        }

        public LogicalExpr withChildren(List<LogicalExpr> children) {
            ExprChecks.arity(this, children, partitionBy.size() + 1);
            return new Window(children.getFirst(), children.subList(1, children.size()), type);
        }
    }
}
