package dev.floe.plan.optimizer;

import dev.floe.io.ScanSource;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSources;
import java.util.OptionalLong;

/** Where the cardinality estimator learns a scan's row count; tests supply a fake instead of opening files. */
@FunctionalInterface
public interface RowCountSource {
    /** The source's total rows before any predicate, or empty when unknown. */
    OptionalLong rows(ScanSource source);

    /** This source with each answer remembered, so a plan's sources are opened at most once. */
    default RowCountSource memoized() {
        java.util.Map<ScanSource, OptionalLong> answers = new java.util.HashMap<>();
        return source -> {
            OptionalLong known = answers.get(source);
            if (known == null) {
                known = rows(source);
                answers.put(source, known);
            }
            return known;
        };
    }

    /** Reads the statistics of the opened table source; unknown when opening fails (the scan reports that
     * error itself later) or rows are not known. */
    static RowCountSource fromTableSources() {
        return fromTables(TableSources::open);
    }

    /** As {@link #fromTableSources()}, with tables opened by {@code tables} (a cache of opened tables). */
    static RowCountSource fromTables(TableOpener tables) {
        return source -> {
            try {
                SourceStatistics statistics = tables.open(source).statistics();
                return statistics.rows() < 0 ? OptionalLong.empty() : OptionalLong.of(statistics.rows());
            } catch (RuntimeException e) {
                return OptionalLong.empty();
            }
        };
    }
}
