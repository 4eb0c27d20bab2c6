package dev.floe.cluster.plan;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.optimizer.JoinColumns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How the rows of a stage's partitions are placed: after a hash exchange on keys, every partition holds all the
 * rows of its key values, so an aggregation grouped by (a superset of) those keys or a join on them needs no new
 * exchange. {@code keySets} lists equivalent column lists (after an inner join on {@code a = b}, rows hashed on
 * {@code a} are also hashed on {@code b}); empty means the rows are placed with no regard to their values. All
 * hash exchanges of one plan use the same partition count, so equal key lists mean co-located rows. The second
 * kind, {@link Placement.Ranged}, is a scan split by key ranges ({@link KeyRangeSplit}): co-located only with parts
 * split by the same ranges, never with hashed ones (the rules are in {@link StageBuilder}).
 */
record Partitioning(List<List<String>> keySets, Placement placement) {
    private static final Placement HASHED = new Placement.Hashed();
    static final Partitioning NONE = new Partitioning(List.of());

    /** Which exchange (or split) placed the rows on the keys. */
    sealed interface Placement {
        /** A hash exchange of this plan, with the plan's partition count. */
        record Hashed() implements Placement {
        }

        /** A split of one source's row groups by ranges of a key column, with the split's partition count. */
        record Ranged(KeyRanges ranges) implements Placement {
            public Ranged {
                Objects.requireNonNull(ranges, "ranges");
            }
        }
    }

    Partitioning {
        keySets = keySets.stream().filter(keys -> !keys.isEmpty()).map(List::copyOf).distinct().toList();
        Objects.requireNonNull(placement, "placement");
    }

    Partitioning(List<List<String>> keySets) {
        this(keySets, HASHED);
    }

    /** Rows of a scan split by {@code ranges} of the column that {@code keys} (one column) names here. */
    static Partitioning ranged(List<String> keys, KeyRanges ranges) {
        return new Partitioning(List.of(keys), new Placement.Ranged(ranges));
    }

    static Partitioning hashed(List<String> keys) {
        return new Partitioning(List.of(keys));
    }

    /** The key list whose every column is in {@code columns} (rows equal on those columns share a partition). */
    Optional<List<String>> within(Collection<String> columns) {
        Set<String> available = new HashSet<>(columns);
        return keySets.stream().filter(available::containsAll).findFirst();
    }

    /** Whether the partitions are hashed (by a hash exchange) on exactly {@code keys}, in this order. */
    boolean hashedOn(List<String> keys) {
        return switch (placement) {
            case Placement.Hashed hashed -> keySets.contains(keys);
            case Placement.Ranged ranged -> false;
        };
    }

    /** The key ranges the rows are split by on exactly {@code keys}, if they are range-split that way. */
    Optional<KeyRanges> rangedOn(List<String> keys) {
        return switch (placement) {
            case Placement.Hashed hashed -> Optional.empty();
            case Placement.Ranged ranged -> keySets.contains(keys) ? Optional.of(ranged.ranges()) : Optional.empty();
        };
    }

    /** This placement seen through a projection: key lists whose columns pass unchanged (or renamed) survive. */
    Partitioning project(List<NamedExpr> exprs, boolean keepsInputColumns) {
        return renamed(key -> outputOf(key, exprs, keepsInputColumns));
    }

    private static String outputOf(String key, List<NamedExpr> exprs, boolean keepsInputColumns) {
        for (NamedExpr named : exprs) {
            if (named.expr() instanceof LogicalExpr.Column column && column.name().equals(key)) {
                return named.name();
            }
        }
        if (keepsInputColumns && exprs.stream().noneMatch(named -> named.name().equals(key))) {
            return key;
        }
        return null;
    }

    /** This placement of one join input seen in the join's output columns. */
    Partitioning throughJoin(Join join, boolean fromLeft) {
        JoinColumns columns = JoinColumns.of(join);
        return renamed(key -> columns.outputName(fromLeft, key));
    }

    /** The key lists whose every column has an output name ({@code rename} gives null for a dropped column). */
    private Partitioning renamed(UnaryOperator<String> rename) {
        List<List<String>> mapped = new ArrayList<>();
        for (List<String> keys : keySets) {
            List<String> names = new ArrayList<>();
            for (String key : keys) {
                String name = rename.apply(key);
                if (name == null) {
                    break;
                }
                names.add(name);
            }
            if (names.size() == keys.size()) {
                mapped.add(names);
            }
        }
        return new Partitioning(mapped, placement);
    }

    /** Both placements' key lists, when they were placed the same way (else this one's only). */
    Partitioning and(Partitioning other) {
        if (!placement.equals(other.placement)) {
            return keySets.isEmpty() ? other : this;
        }
        List<List<String>> all = new ArrayList<>(keySets);
        all.addAll(other.keySets);
        return new Partitioning(all, placement);
    }
}
