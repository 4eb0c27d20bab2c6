package dev.floe.plan.optimizer;

import java.util.List;
import java.util.Objects;

/** A named, ordered group of rules run together under one {@link BatchStrategy}. */
public record RuleBatch(String name, BatchStrategy strategy, List<OptimizerRule> rules) {
    public RuleBatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        rules = List.copyOf(rules);
    }
}
