package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.io.parquet.encoding.ValueBuffer;
import dev.floe.io.predicate.ColumnPredicate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pushed-down predicate over one string (or binary) column, evaluated on a set of distinct values rather than on
 * rows: the entries of a column chunk's dictionary (so each distinct value is tested once and the rows are then
 * selected by their dictionary indices) or the values of one PLAIN page. Its verdict on a non-null value is exact,
 * so negations and disjunctions compose, and a regex search (left to the executor on rows) pays here. Its verdict
 * on a null is "may match" unless the predicate surely rejects nulls (a comparison, a string test, is_not_null),
 * like {@link PredicateSelection}'s.
 */
final class DictionaryPredicate {
    private final ColumnPredicate predicate;
    private final DataType type;
    private final boolean nulls;

    private DictionaryPredicate(ColumnPredicate predicate, DataType type) {
        this.predicate = predicate;
        this.type = type;
        this.nulls = nullVerdict(predicate);
    }

    /**
     * The predicate over {@code column} (of {@code type}) made of {@code terms}, the conjuncts that read only that
     * column; null when the column is not a string or binary one or no term is given.
     */
    static DictionaryPredicate of(List<ColumnPredicate> terms, DataType type) {
        if (terms.isEmpty() || !(type instanceof DataType.StringType || type instanceof DataType.BinaryType)) {
            return null;
        }
        return new DictionaryPredicate(terms.size() == 1 ? terms.getFirst() : new ColumnPredicate.And(terms), type);
    }

    /** Whether a null row may match. */
    boolean nulls() {
        return nulls;
    }

    /**
     * The verdict for each of the {@code values.count} values of {@code values} (a BYTES buffer), or null when the
     * predicate cannot be evaluated on them (a constant of another type).
     */
    boolean[] test(ValueBuffer values) {
        BytesVector vector = new BytesVector(type, values.offsets, values.bytes, null, values.count);
        return test(predicate, vector, values.count);
    }

    /** Exact verdicts on the (non-null) values, or null when {@code term} does not evaluate on them. */
    private static boolean[] test(ColumnPredicate term, BytesVector values, int count) {
        return switch (term) {
            case ColumnPredicate.And and -> {
                boolean[] result = filled(count, true);
                for (ColumnPredicate inner : and.terms()) {
                    boolean[] verdicts = test(inner, values, count);
                    if (verdicts == null) {
                        continue;
                    }
                    for (int i = 0; i < count; i++) {
                        result[i] &= verdicts[i];
                    }
                }
                yield result;
            }
            case ColumnPredicate.Or or -> {
                if (or.terms().isEmpty()) {
                    yield null;
                }
                boolean[] result = new boolean[count];
                for (ColumnPredicate inner : or.terms()) {
                    boolean[] verdicts = test(inner, values, count);
                    if (verdicts == null) {
                        yield null;
                    }
                    for (int i = 0; i < count; i++) {
                        result[i] |= verdicts[i];
                    }
                }
                yield result;
            }
            case ColumnPredicate.Not not -> {
                boolean[] verdicts = test(not.term(), values, count);
                if (verdicts != null) {
                    for (int i = 0; i < count; i++) {
                        verdicts[i] = !verdicts[i];
                    }
                }
                yield verdicts;
            }
            case ColumnPredicate.IsNull isNull -> filled(count, false);
            case ColumnPredicate.IsNotNull isNotNull -> filled(count, true);
            case ColumnPredicate.Compare compare -> PredicateSelection.mayMatch(compare, name -> values, count);
            case ColumnPredicate.In in -> PredicateSelection.mayMatch(in, name -> values, count);
            case ColumnPredicate.StartsWith startsWith -> PredicateSelection.mayMatch(startsWith, name -> values,
                    count);
            case ColumnPredicate.EndsWith endsWith -> PredicateSelection.mayMatch(endsWith, name -> values, count);
            case ColumnPredicate.Contains contains -> contains.literal()
                    ? PredicateSelection.mayMatch(contains, name -> values, count) : regex(contains, values, count);
        };
    }

    /**
     * A regex search on each value's text, as the executor's {@code str.contains} does it ({@link Matcher#find});
     * null for a binary column or a pattern that does not compile (the executor reports it).
     */
    private static boolean[] regex(ColumnPredicate.Contains contains, BytesVector values, int count) {
        if (!(values.type() instanceof DataType.StringType)) {
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(contains.pattern());
        } catch (PatternSyntaxException bad) {
            return null;
        }
        Matcher matcher = pattern.matcher("");
        boolean[] result = new boolean[count];
        for (int i = 0; i < count; i++) {
            result[i] = matcher.reset(values.getString(i)).find();
        }
        return result;
    }

    /** Whether a null row may satisfy {@code term}: false only where a null surely does not. */
    private static boolean nullVerdict(ColumnPredicate term) {
        return switch (term) {
            case ColumnPredicate.And and -> and.terms().stream().allMatch(DictionaryPredicate::nullVerdict);
            case ColumnPredicate.Or or -> or.terms().isEmpty()
                    || or.terms().stream().anyMatch(DictionaryPredicate::nullVerdict);
            case ColumnPredicate.Not not -> true;
            case ColumnPredicate.IsNull isNull -> true;
            case ColumnPredicate.IsNotNull isNotNull -> false;
            case ColumnPredicate.Compare compare -> false;
            case ColumnPredicate.In in -> true;
            case ColumnPredicate.StartsWith startsWith -> false;
            case ColumnPredicate.EndsWith endsWith -> false;
            case ColumnPredicate.Contains contains -> false;
        };
    }

    private static boolean[] filled(int count, boolean value) {
        boolean[] result = new boolean[count];
        if (value) {
            java.util.Arrays.fill(result, true);
        }
        return result;
    }
}
