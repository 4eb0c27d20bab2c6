package dev.floe.plan.dsl;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expression exactly as the user wrote it: names not yet checked, wildcards not yet expanded, no types.
 * The resolver turns it into a typed {@code LogicalExpr} against an input schema.
 */
public sealed interface Expr {
    /** The direct sub-expressions, in order. */
    List<Expr> children();

    /** The same node over new children (same count and order as {@link #children()}). */
    Expr withChildren(List<Expr> children);

    /** {@code col("name")}. */
    record Column(String name) implements Expr {
        public Column {
            Objects.requireNonNull(name, "name");
        }

        public List<Expr> children() { return List.of(); }

        public Expr withChildren(List<Expr> children) { return this; }
    }

    /** {@code col("a", "b")}: one expression per listed column. */
    record Columns(List<String> names) implements Expr {
        public Columns {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw FloeException.invalidArgument("cols() needs at least one column name");
            }
        }

        public List<Expr> children() { return List.of(); }

        public Expr withChildren(List<Expr> children) { return this; }
    }

    /** {@code all()}: one expression per input column. */
    record All() implements Expr {
        public List<Expr> children() { return List.of(); }

        public Expr withChildren(List<Expr> children) { return this; }
    }

    /** {@code all().exclude(names)}: the input's columns except the named ones. */
    record Exclude(List<String> names) implements Expr {
        public Exclude {
            names = List.copyOf(names);
        }

        public List<Expr> children() { return List.of(); }

        public Expr withChildren(List<Expr> children) { return this; }
    }

    /**
     * {@code lit(value)}: a Java value (Boolean, Integer, Long, Double, String, LocalDate, ...; {@code null} for a
     * null). Integers and floats without {@code type} are "dynamic": they adapt to the other operand's type.
     * {@code type} non-null fixes the literal's type.
     */
    record Literal(Object value, DataType type) implements Expr {
        public List<Expr> children() { return List.of(); }

        public Expr withChildren(List<Expr> children) { return this; }
    }

    /** {@code input.alias(name)}. */
    record Alias(Expr input, String name) implements Expr {
        public Alias {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(name, "name");
        }

        public List<Expr> children() { return List.of(input); }

        public Expr withChildren(List<Expr> children) { return new Alias(children.getFirst(), name); }
    }

    /** {@code left op right}. */
    record Binary(BinaryOperator operator, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        public List<Expr> children() { return List.of(left, right); }

        public Expr withChildren(List<Expr> children) {
            return new Binary(operator, children.get(0), children.get(1));
        }
    }

    /** A row-wise function; argument 0 is the expression it was called on. */
    record Function(ScalarFunction function, List<Expr> arguments) implements Expr {
        public Function {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            if (arguments.isEmpty()) {
                throw FloeException.internal("function " + function.name() + " without arguments");
            }
        }

        public List<Expr> children() { return arguments; }

        public Expr withChildren(List<Expr> children) { return new Function(function, children); }
    }

    /** {@code input.cast(type, strict)}. */
    record Cast(Expr input, DataType type, boolean strict) implements Expr {
        public Cast {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(type, "type");
        }

        public List<Expr> children() { return List.of(input); }

        public Expr withChildren(List<Expr> children) { return new Cast(children.getFirst(), type, strict); }
    }

    /** {@code when(c1).then(v1).when(c2).then(v2).otherwise(v)}. */
    record When(List<Branch> branches, Expr otherwise) implements Expr {
        public When {
            branches = List.copyOf(branches);
            Objects.requireNonNull(otherwise, "otherwise");
            if (branches.isEmpty()) {
                throw FloeException.invalidArgument("when/then needs at least one branch");
            }
        }

        public List<Expr> children() {
            List<Expr> all = new ArrayList<>();
            for (Branch branch : branches) {
                all.add(branch.condition());
                all.add(branch.value());
            }
            all.add(otherwise);
            return all;
        }

        public Expr withChildren(List<Expr> children) {
            List<Branch> rebuilt = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                rebuilt.add(new Branch(children.get(2 * i), children.get(2 * i + 1)));
            }
            return new When(rebuilt, children.getLast());
        }
    }

    /** One {@code when(condition).then(value)} pair. */
    record Branch(Expr condition, Expr value) {
        public Branch {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code input.sum()} and friends; {@code input} is {@code null} only for {@code len()} (count rows). */
    record Aggregation(AggregateFunction function, Expr input) implements Expr {
        public Aggregation {
            Objects.requireNonNull(function, "function");
            if (input == null && !(function instanceof AggregateFunction.Len)) {
                throw FloeException.internal("aggregation " + function.name() + " without an input");
            }
        }

        public List<Expr> children() { return input == null ? List.of() : List.of(input); }

        public Expr withChildren(List<Expr> children) {
            return new Aggregation(function, input == null ? null : children.getFirst());
        }
    }

    /** {@code function.over(partitionBy)}. */
    record Window(Expr function, List<Expr> partitionBy) implements Expr {
        public Window {
            Objects.requireNonNull(function, "function");
            partitionBy = List.copyOf(partitionBy);
            if (partitionBy.isEmpty()) {
                throw FloeException.invalidArgument("over() needs at least one partition expression");
            }
        }

        public List<Expr> children() {
            List<Expr> all = new ArrayList<>();
            all.add(function);
            all.addAll(partitionBy);
            return all;
        }

        public Expr withChildren(List<Expr> children) {
            return new Window(children.getFirst(), children.subList(1, children.size()));
        }
    }
}
