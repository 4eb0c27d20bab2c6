package dev.floe;

import java.util.List;

/** {@code when(condition)} waiting for its {@code then(value)}. */
public final class When {
    private final List<dev.floe.plan.dsl.Expr.Branch> previous;
    private final dev.floe.plan.dsl.Expr condition;

    When(List<dev.floe.plan.dsl.Expr.Branch> previous, dev.floe.plan.dsl.Expr condition) {
        this.previous = previous;
        this.condition = condition;
    }

    /** The value where the condition is true (an Expr or a Java value). */
    public Then then(Object value) {
        List<dev.floe.plan.dsl.Expr.Branch> branches = new java.util.ArrayList<>(previous);
        branches.add(new dev.floe.plan.dsl.Expr.Branch(condition, Expr.nodeOf(value)));
        return new Then(branches);
    }
}
