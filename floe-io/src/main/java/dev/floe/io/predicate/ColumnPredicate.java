package dev.floe.io.predicate;

import java.util.List;
import java.util.Objects;

/**
 * A predicate over one table's columns in a form file readers can reason about: compare a column with
 * constants, null checks, membership, and boolean combinations. The optimizer translates the pushable part of
 * a filter into this; readers use it to prune by statistics and partition values and to filter rows early.
 * Constants are Java values as {@code Vector#getObject} returns them (Long, Integer, Double, String,
 * LocalDate, Boolean, ...). SQL semantics: a comparison with a null is not true.
 */
public sealed interface ColumnPredicate {
    /** {@code column op value}. */
    record Compare(String column, CompareOp op, Object value) implements ColumnPredicate {
        public Compare {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    record IsNull(String column) implements ColumnPredicate {
        public IsNull {
            Objects.requireNonNull(column, "column");
        }
    }

    record IsNotNull(String column) implements ColumnPredicate {
        public IsNotNull {
            Objects.requireNonNull(column, "column");
        }
    }

    /** {@code column} equals one of {@code values}. */
    record In(String column, List<Object> values) implements ColumnPredicate {
        public In {
            Objects.requireNonNull(column, "column");
            values = List.copyOf(values);
        }
    }

    /** String prefix: {@code column.str.startsWith(prefix)}. */
    record StartsWith(String column, String prefix) implements ColumnPredicate {
        public StartsWith {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /** String suffix: {@code column.str.endsWith(suffix)}. */
    record EndsWith(String column, String suffix) implements ColumnPredicate {
        public EndsWith {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(suffix, "suffix");
        }
    }

    /**
     * String search: {@code column.str.contains(pattern, literal)}, the pattern a substring when {@code literal},
     * else a {@link java.util.regex.Pattern} found anywhere in the value (as the executor evaluates it).
     */
    record Contains(String column, String pattern, boolean literal) implements ColumnPredicate {
        public Contains {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    record And(List<ColumnPredicate> terms) implements ColumnPredicate {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<ColumnPredicate> terms) implements ColumnPredicate {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(ColumnPredicate term) implements ColumnPredicate {
        public Not {
            Objects.requireNonNull(term, "term");
        }
    }

    enum CompareOp {
        EQ("=="), NOT_EQ("!="), LT("<"), LT_EQ("<="), GT(">"), GT_EQ(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
