package dev.floe.plan.optimizer;

import dev.floe.core.FloeException;
import dev.floe.io.ScanSource;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableSources;
import java.util.OptionalLong;

/** Where the cardinality estimator learns a scan's row count; tests supply a fake instead of opening files. */
@FunctionalInterface
public interface RowCountSource {
    /** The source's total rows before any predicate, or empty when unknown. */
    OptionalLong rows(ScanSource source);

    /** Reads the statistics of the opened table source; unknown when opening fails or rows are not known. */
    static RowCountSource fromTableSources() {
        return source -> {
            try {
                SourceStatistics statistics = TableSources.open(source).statistics();
                return statistics.rows() < 0 ? OptionalLong.empty() : OptionalLong.of(statistics.rows());
            } catch (FloeException e) {
                return OptionalLong.empty();
            }
        };
    }
}
