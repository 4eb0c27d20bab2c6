package dev.floe.io.parquet;

import dev.floe.io.predicate.ColumnPredicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A pushed-down predicate split into its top-level conjuncts: those that read only one string column the reader may
 * evaluate on that column's dictionary (grouped by column), and the others.
 */
record PredicateTerms(Map<String, List<ColumnPredicate>> byStringColumn, List<ColumnPredicate> others) {
    PredicateTerms {
        byStringColumn = Map.copyOf(byStringColumn);
        others = List.copyOf(others);
    }

    /** Splits {@code predicate}; {@code stringColumn} tells which columns are flat string columns of the file. */
    static PredicateTerms split(ColumnPredicate predicate, Predicate<String> stringColumn) {
        List<ColumnPredicate> conjuncts = new ArrayList<>();
        flatten(predicate, conjuncts);
        Map<String, List<ColumnPredicate>> byColumn = new LinkedHashMap<>();
        List<ColumnPredicate> others = new ArrayList<>();
        for (ColumnPredicate term : conjuncts) {
            Set<String> names = new LinkedHashSet<>();
            collectColumns(term, names);
            if (names.size() == 1 && stringColumn.test(names.iterator().next())) {
                byColumn.computeIfAbsent(names.iterator().next(), name -> new ArrayList<>()).add(term);
            } else {
                others.add(term);
            }
        }
        return new PredicateTerms(byColumn, others);
    }

    /** The conjunction of {@code terms}: null for none, the term itself for one. */
    static ColumnPredicate conjunction(List<ColumnPredicate> terms) {
        return terms.isEmpty() ? null : terms.size() == 1 ? terms.getFirst() : new ColumnPredicate.And(terms);
    }

    private static void flatten(ColumnPredicate predicate, List<ColumnPredicate> into) {
        if (predicate instanceof ColumnPredicate.And and) {
            and.terms().forEach(term -> flatten(term, into));
        } else {
            into.add(predicate);
        }
    }

    /** Adds the columns {@code predicate} reads to {@code into}. */
    static void collectColumns(ColumnPredicate predicate, Set<String> into) {
        switch (predicate) {
            case ColumnPredicate.And and -> and.terms().forEach(term -> collectColumns(term, into));
            case ColumnPredicate.Or or -> or.terms().forEach(term -> collectColumns(term, into));
            case ColumnPredicate.Not not -> collectColumns(not.term(), into);
            case ColumnPredicate.Compare compare -> into.add(compare.column());
            case ColumnPredicate.IsNull isNull -> into.add(isNull.column());
            case ColumnPredicate.IsNotNull isNotNull -> into.add(isNotNull.column());
            case ColumnPredicate.In in -> into.add(in.column());
            case ColumnPredicate.StartsWith startsWith -> into.add(startsWith.column());
            case ColumnPredicate.EndsWith endsWith -> into.add(endsWith.column());
            case ColumnPredicate.Contains contains -> into.add(contains.column());
        }
    }
}
