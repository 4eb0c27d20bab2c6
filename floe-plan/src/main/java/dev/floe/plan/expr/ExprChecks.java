package dev.floe.plan.expr;

import dev.floe.core.FloeException;
import java.util.List;

/** Shared invariant checks for expression nodes. */
final class ExprChecks {
    private ExprChecks() {
    }

    static void arity(LogicalExpr node, List<LogicalExpr> children, int expected) {
        if (children.size() != expected) {
            throw FloeException.internal(node.getClass().getSimpleName() + " takes " + expected
                    + " children, got " + children.size());
        }
    }
}
