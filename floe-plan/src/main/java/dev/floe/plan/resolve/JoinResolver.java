package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves join keys: each left/right pair is cast to its common type. A key that is a plain column is cast in
 * its input (a WithColumns before the join) so it stays a plain column and the join coalesces it as Polars does.
 */
final class JoinResolver {
    private JoinResolver() {
    }

    static LogicalPlan resolve(LogicalPlan left, LogicalPlan right, DslPlan.Join join) {
        List<Expr> leftWritten = Wildcards.expand(join.leftOn(), left.schema(), Set.of());
        List<Expr> rightWritten = Wildcards.expand(join.rightOn(), right.schema(), Set.of());
        if (leftWritten.size() != rightWritten.size()) {
            throw new FloeException(ErrorCode.INVALID_PLAN, "join has " + leftWritten.size() + " left keys and "
                    + rightWritten.size() + " right keys; give as many of each");
        }
        ExprResolver leftResolver = new ExprResolver(left.schema());
        ExprResolver rightResolver = new ExprResolver(right.schema());
        List<LogicalExpr> leftKeys = new ArrayList<>();
        List<LogicalExpr> rightKeys = new ArrayList<>();
        List<NamedExpr> leftCasts = new ArrayList<>();
        List<NamedExpr> rightCasts = new ArrayList<>();
        for (int i = 0; i < leftWritten.size(); i++) {
            LogicalExpr leftKey = key(leftResolver, leftWritten.get(i));
            LogicalExpr rightKey = key(rightResolver, rightWritten.get(i));
            DataType common = TypeCoercion.supertype(leftKey.type(), rightKey.type());
            if (common == null || common.isNested()) {
                throw new FloeException(ErrorCode.TYPE_MISMATCH, "join key " + ExprFormat.format(leftWritten.get(i))
                        + " has type " + leftKey.type() + " on the left but " + ExprFormat.format(rightWritten.get(i))
                        + " has type " + rightKey.type() + " on the right; cast them to a common type");
            }
            leftKeys.add(castKey(leftKey, common, leftCasts));
            rightKeys.add(castKey(rightKey, common, rightCasts));
        }
        LogicalPlan castLeft = leftCasts.isEmpty() ? left : new WithColumns(left, leftCasts);
        LogicalPlan castRight = rightCasts.isEmpty() ? right : new WithColumns(right, rightCasts);
        return new Join(castLeft, castRight, join.how(), leftKeys, rightKeys, join.suffix());
    }

    private static LogicalExpr key(ExprResolver resolver, Expr written) {
        LogicalExpr key = resolver.resolve(written);
        if (Aggregates.containsAggregate(key)) {
            throw Resolver.aggregationNotAllowed(written, "join key");
        }
        return key;
    }

    private static LogicalExpr castKey(LogicalExpr key, DataType common, List<NamedExpr> casts) {
        if (key.type().equals(common)) {
            return key;
        }
        if (key instanceof LogicalExpr.Column column) {
            if (casts.stream().noneMatch(c -> c.name().equals(column.name()))) {
                casts.add(new NamedExpr(column.name(), new LogicalExpr.Cast(column, common, false)));
            }
            return new LogicalExpr.Column(column.name(), common);
        }
        return Operands.coerce(key, common, ExprFormat.format(key));
    }
}
