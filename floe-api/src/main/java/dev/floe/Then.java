package dev.floe;

import java.util.List;

/** A when/then chain: add another {@code when}, or finish it with {@code otherwise} (or {@link #end()}: null). */
public final class Then {
    private final List<dev.floe.plan.dsl.Expr.Branch> branches;

    Then(List<dev.floe.plan.dsl.Expr.Branch> branches) {
        this.branches = List.copyOf(branches);
    }

    public When when(Object condition) {
        return new When(branches, Expr.nodeOf(condition));
    }

    /** The value where no condition is true. */
    public Expr otherwise(Object value) {
        return new Expr(new dev.floe.plan.dsl.Expr.When(branches, Expr.nodeOf(value)));
    }

    /** The chain with null where no condition is true (Polars' when/then without otherwise). */
    public Expr end() {
        return otherwise(null);
    }
}
