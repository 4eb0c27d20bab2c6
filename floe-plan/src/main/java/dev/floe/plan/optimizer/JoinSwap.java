package dev.floe.plan.optimizer;

import dev.floe.core.FloeException;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An inner join with its inputs swapped and a projection restoring the original columns (names, order; a
 * coalesced key taken from the equal key of the other side): the executor builds its hash table on the right
 * input, so the optimizer swaps a join whose left input is far smaller, and the distributed planner one whose left
 * side is broadcast (to build on the broadcast rows and stream the partitioned ones).
 */
public record JoinSwap(Join swapped, List<NamedExpr> restore) {
    public JoinSwap {
        restore = List.copyOf(restore);
    }

    /** The swap of {@code join}, or empty when it is not an inner join or its columns cannot be restored. */
    public static Optional<JoinSwap> of(Join join) {
        if (join.type() != JoinType.INNER) {
            return Optional.empty();
        }
        Join swapped;
        try {
            swapped = new Join(join.right(), join.left(), JoinType.INNER, join.rightKeys(), join.leftKeys(),
                    join.suffix());
        } catch (FloeException e) {
            return Optional.empty();
        }
        JoinColumns original = JoinColumns.of(join);
        JoinColumns after = JoinColumns.of(swapped);
        List<NamedExpr> exprs = new ArrayList<>();
        for (JoinColumns.Origin origin : original.origins()) {
            String name = after.outputName(!origin.fromLeft(), origin.inputName());
            LogicalExpr value;
            if (name != null) {
                value = new LogicalExpr.Column(name, origin.type());
            } else {
                int keyIndex = join.leftKeys().indexOf(new LogicalExpr.Column(origin.inputName(), origin.type()));
                if (!origin.fromLeft() || keyIndex < 0) {
                    return Optional.empty();
                }
                value = join.rightKeys().get(keyIndex);
            }
            exprs.add(new NamedExpr(origin.outputName(), value));
        }
        JoinSwap swap = new JoinSwap(swapped, exprs);
        return swap.plan().schema().equals(join.schema()) ? Optional.of(swap) : Optional.empty();
    }

    /** The swapped join under the projection that restores the original columns. */
    public Project plan() {
        return new Project(swapped, restore);
    }
}
