package dev.floe.plan.logical;

/** Which row of a set of duplicates {@code unique} keeps, as Polars' {@code keep}. */
public enum UniqueKeep {
    ANY, FIRST, LAST, NONE
}
