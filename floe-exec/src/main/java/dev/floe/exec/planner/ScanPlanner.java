package dev.floe.exec.planner;

import dev.floe.core.types.Schema;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.scan.PredicateTranslator;
import dev.floe.exec.scan.ScanMorselSource;
import dev.floe.io.ScanRequest;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scan: opens the source, asks for the projection plus the predicate's columns with a pruning hint, and applies
 * the predicate exactly; a row limit becomes a slice of the ordered result.
 */
final class ScanPlanner {
    private ScanPlanner() {
    }

    static Pipeline plan(Scan scan, PhysicalPlanner planner) {
        TableSource table = TableSources.open(scan.source());
        Schema output = scan.schema();
        Set<String> wanted = new LinkedHashSet<>(output.names());
        if (scan.predicate() != null) {
            collectColumns(scan.predicate(), wanted);
        }
        List<String> readColumns = new ArrayList<>();
        for (String name : scan.tableSchema().names()) {
            if (wanted.contains(name)) {
                readColumns.add(name);
            }
        }
        Schema readSchema = scan.tableSchema().select(readColumns);
        long rowLimit = scan.predicate() == null ? scan.limit() : -1;
        ScanRequest request = new ScanRequest(readColumns, PredicateTranslator.translate(scan.predicate()), rowLimit,
                planner.context().batchSize());
        Evaluator predicate = scan.predicate() == null ? null : ExpressionCompiler.compile(scan.predicate(), readSchema);
        Pipeline pipeline = Pipeline.of(new ScanMorselSource(table, request, readSchema, output, predicate));
        if (scan.limit() < 0) {
            return pipeline;
        }
        var batches = dev.floe.exec.pipeline.CollectSink.collect(planner.context(), pipeline);
        return planner.source(output, SlicePlanner.slice(batches, 0, scan.limit()));
    }

    private static void collectColumns(LogicalExpr expr, Set<String> into) {
        if (expr instanceof LogicalExpr.Column column) {
            into.add(column.name());
        }
        for (LogicalExpr child : expr.children()) {
            collectColumns(child, into);
        }
    }
}
