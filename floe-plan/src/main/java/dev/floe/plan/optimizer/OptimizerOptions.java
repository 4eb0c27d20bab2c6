package dev.floe.plan.optimizer;

import java.util.Objects;
import java.util.Set;

/**
 * What the user can change about optimization: rules to skip by name, whether to log each rule's before and
 * after plans, and where row counts for join ordering come from.
 */
public record OptimizerOptions(Set<String> disabledRules, boolean debug, RowCountSource rowCounts) {
    public OptimizerOptions {
        disabledRules = Set.copyOf(disabledRules);
        Objects.requireNonNull(rowCounts, "rowCounts");
    }

    public static OptimizerOptions defaults() {
        return new OptimizerOptions(Set.of(), false, RowCountSource.fromTableSources());
    }

    public OptimizerOptions withDisabledRules(Set<String> names) {
        return new OptimizerOptions(names, debug, rowCounts);
    }

    public OptimizerOptions withDebug(boolean newDebug) {
        return new OptimizerOptions(disabledRules, newDebug, rowCounts);
    }

    public OptimizerOptions withRowCounts(RowCountSource source) {
        return new OptimizerOptions(disabledRules, debug, source);
    }
}
