package dev.floe.plan.dsl;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.UniqueKeep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A query exactly as the user wrote it with the LazyFrame API: what the client ships to a coordinator and what
 * the resolver turns into a typed {@code LogicalPlan}. Nodes check only their own arguments, never names.
 */
public sealed interface DslPlan {
    /** The direct inputs, in order. */
    List<DslPlan> inputs();

    /** {@code scan_parquet/scan_csv/scan_ipc(source)}. */
    record Scan(ScanSource source) implements DslPlan {
        public Scan {
            Objects.requireNonNull(source, "source");
        }

        public List<DslPlan> inputs() { return List.of(); }
    }

    /** A DataFrame's data. */
    record InMemory(Schema schema, List<Batch> batches) implements DslPlan {
        public InMemory {
            Objects.requireNonNull(schema, "schema");
            batches = List.copyOf(batches);
        }

        public List<DslPlan> inputs() { return List.of(); }
    }

    /** {@code select(exprs)}: exactly these expressions as the output columns. */
    record Select(DslPlan input, List<Expr> exprs) implements DslPlan {
        public Select {
            Objects.requireNonNull(input, "input");
            exprs = List.copyOf(exprs);
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code with_columns(exprs)}: the input's columns, replaced or extended by these. */
    record WithColumns(DslPlan input, List<Expr> exprs) implements DslPlan {
        public WithColumns {
            Objects.requireNonNull(input, "input");
            exprs = List.copyOf(exprs);
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code filter(predicate)}: the rows where the predicate is true. */
    record Filter(DslPlan input, Expr predicate) implements DslPlan {
        public Filter {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(predicate, "predicate");
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code group_by(keys, maintain_order).agg(aggregations)}. */
    record GroupBy(DslPlan input, List<Expr> keys, List<Expr> aggregations, boolean maintainOrder)
            implements DslPlan {
        public GroupBy {
            Objects.requireNonNull(input, "input");
            keys = List.copyOf(keys);
            aggregations = List.copyOf(aggregations);
            if (keys.isEmpty()) {
                throw FloeException.invalidArgument("group_by needs at least one key");
            }
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code join(right, left_on, right_on, how, suffix)}; a cross join has no keys. */
    record Join(DslPlan left, DslPlan right, List<Expr> leftOn, List<Expr> rightOn, JoinType how, String suffix)
            implements DslPlan {
        public Join {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            leftOn = List.copyOf(leftOn);
            rightOn = List.copyOf(rightOn);
            Objects.requireNonNull(how, "how");
            Objects.requireNonNull(suffix, "suffix");
            if (leftOn.size() != rightOn.size()) {
                throw FloeException.invalidArgument("join needs as many left_on as right_on keys, got "
                        + leftOn.size() + " and " + rightOn.size());
            }
            if (how == JoinType.CROSS && !leftOn.isEmpty()) {
                throw FloeException.invalidArgument("a cross join takes no keys");
            }
            if (how != JoinType.CROSS && leftOn.isEmpty()) {
                throw FloeException.invalidArgument("a " + how.polarsName() + " join needs at least one key"
                        + " (on, or left_on and right_on)");
            }
        }

        public List<DslPlan> inputs() { return List.of(left, right); }
    }

    /**
     * {@code sort(by, descending, nulls_last, maintain_order)}; {@code descending} and {@code nullsLast} have one
     * entry per key.
     */
    record Sort(DslPlan input, List<Expr> by, List<Boolean> descending, List<Boolean> nullsLast,
            boolean maintainOrder) implements DslPlan {
        public Sort {
            Objects.requireNonNull(input, "input");
            by = List.copyOf(by);
            descending = List.copyOf(descending);
            nullsLast = List.copyOf(nullsLast);
            if (by.isEmpty()) {
                throw FloeException.invalidArgument("sort needs at least one key");
            }
            if (descending.size() != by.size() || nullsLast.size() != by.size()) {
                throw FloeException.invalidArgument("sort has " + by.size() + " keys but " + descending.size()
                        + " descending and " + nullsLast.size() + " nulls_last flags; give one per key");
            }
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code slice(offset, length)}: a negative offset counts from the end. */
    record Slice(DslPlan input, long offset, long length) implements DslPlan {
        public Slice {
            Objects.requireNonNull(input, "input");
            if (length < 0) {
                throw FloeException.invalidArgument("slice length must be >= 0, got " + length);
            }
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code unique(subset, keep, maintain_order)}; a {@code null} subset means all columns. */
    record Unique(DslPlan input, List<String> subset, UniqueKeep keep, boolean maintainOrder) implements DslPlan {
        public Unique {
            Objects.requireNonNull(input, "input");
            subset = subset == null ? null : List.copyOf(subset);
            Objects.requireNonNull(keep, "keep");
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code rename({old: new})}, in the map's order. */
    record Rename(DslPlan input, Map<String, String> mapping) implements DslPlan {
        public Rename {
            Objects.requireNonNull(input, "input");
            mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code drop(names)}: the input without the named columns. */
    record Drop(DslPlan input, List<String> names) implements DslPlan {
        public Drop {
            Objects.requireNonNull(input, "input");
            names = List.copyOf(names);
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code with_row_index(name, offset)}: a first UInt32 column numbering the rows. */
    record WithRowIndex(DslPlan input, String name, long offset) implements DslPlan {
        public WithRowIndex {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(name, "name");
            if (offset < 0) {
                throw FloeException.invalidArgument("with_row_index offset must be >= 0, got " + offset);
            }
        }

        public List<DslPlan> inputs() { return List.of(input); }
    }

    /** {@code concat(frames)}: vertical, same schemas. */
    record Concat(List<DslPlan> inputs) implements DslPlan {
        public Concat {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) {
                throw FloeException.invalidArgument("concat needs at least one frame");
            }
        }
    }

    /** {@code sink_parquet/sink_csv/sink_ipc(path, options)}. */
    record Sink(DslPlan input, FileFormat format, String path, Map<String, String> options) implements DslPlan {
        public Sink {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(path, "path");
            options = Collections.unmodifiableMap(new TreeMap<>(options));
        }

        public List<DslPlan> inputs() { return List.of(input); }

        /** Like the record's own, with secret storage options (credentials) masked: plans end up in logs. */
        @Override
        public String toString() {
            return "Sink[input=" + input + ", format=" + format + ", path=" + path + ", options="
                    + dev.floe.io.storage.StorageOptions.redact(options) + "]";
        }
    }
}
