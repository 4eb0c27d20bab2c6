package dev.floe;

/** Which row of a set of duplicates {@link LazyFrame#unique} keeps, as Polars' {@code keep}. */
public enum UniqueKeep {
    ANY, FIRST, LAST, NONE;

    dev.floe.plan.logical.UniqueKeep toPlan() {
        return dev.floe.plan.logical.UniqueKeep.valueOf(name());
    }
}
