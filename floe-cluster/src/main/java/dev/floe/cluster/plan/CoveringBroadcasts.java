package dev.floe.cluster.plan;

import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a broadcast stage already cut whose rows are a side's rows with more columns: the same plan over the same
 * inputs and splits, except that its scans read more columns (PDS-H q17: lineitem semi-joined with the selected
 * parts, once with {@code l_extendedprice} and once without). The side then reads that broadcast projected to its
 * own columns instead of scanning again. Only operators whose rows do not depend on the columns they carry are
 * walked through (filters, projections, added columns, caches, semi and anti joins), and the wider rows may be at
 * most {@link #MAX_WIDTH_RATIO} times as wide, so the unused columns cost little to fetch. A side moved to a
 * key-range split by a range exchange reads a covering range-exchange stage on the same bounds the same way.
 */
final class CoveringBroadcasts {
    /** A covering broadcast's rows may be at most this many times as wide as the side's. */
    static final double MAX_WIDTH_RATIO = 2;

    private CoveringBroadcasts() {
    }

    /** The plan reading the covering broadcast stage of {@code side} among {@code stages}, projected to its columns. */
    static Optional<SharedBroadcasts.Read> find(List<Stage> stages, PlanPart side) {
        return covering(stages, side, new Exchange.Broadcast()).map(stage -> new SharedBroadcasts.Read(
                narrowed(ShuffleInputs.broadcastPlaceholder(stage.id(), stage.fragment().schema()), side),
                List.of(stage.id())));
    }

    /**
     * The stage among {@code stages} that writes {@code output} (a broadcast, or a range exchange moving a side to
     * a key-range split) and computes {@code side}'s rows with more columns, over the same inputs and splits.
     */
    static Optional<Stage> covering(List<Stage> stages, PlanPart side, Exchange output) {
        LogicalPlan narrow = SharedCaches.keepShared(side.plan());
        for (Stage stage : stages) {
            if (stage.output().equals(output) && stage.partitions() == side.partitions()
                    && stage.inputStages().equals(side.inputs()) && stage.splits().equals(side.splits())
                    && narrower(narrow.schema(), stage.fragment().schema()) && covers(stage.fragment(), narrow)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** {@code read}, the rows of a covering stage, projected to the columns of {@code side}. */
    static LogicalPlan narrowed(LogicalPlan read, PlanPart side) {
        List<NamedExpr> columns = new ArrayList<>();
        for (Field field : side.plan().schema().fields()) {
            columns.add(NamedExpr.column(field.name(), field.type()));
        }
        return new Project(read, columns);
    }

    /** Whether every field of {@code narrow} is in {@code wide} and the wide rows are not too wide. */
    private static boolean narrower(Schema narrow, Schema wide) {
        Set<Field> wideFields = new HashSet<>(wide.fields());
        return wideFields.containsAll(narrow.fields()) && narrow.size() < wide.size()
                && SizeEstimator.rowWidth(wide) <= MAX_WIDTH_RATIO * SizeEstimator.rowWidth(narrow);
    }

    /** Whether {@code wide} computes the rows of {@code narrow}, with the same or more columns. */
    static boolean covers(LogicalPlan wide, LogicalPlan narrow) {
        if (wide.equals(narrow)) {
            return true;
        }
        if (wide instanceof Scan wideScan && narrow instanceof Scan narrowScan) {
            return ShuffleInputs.stageOf(narrowScan).isEmpty() && wideScan.source().equals(narrowScan.source())
                    && wideScan.tableSchema().equals(narrowScan.tableSchema())
                    && Objects.equals(wideScan.predicate(), narrowScan.predicate())
                    && wideScan.limit() == narrowScan.limit()
                    && (wideScan.projection() == null || narrowScan.projection() != null
                    && wideScan.projection().containsAll(narrowScan.projection()));
        }
        if (!columnBlind(narrow) || wide.getClass() != narrow.getClass()
                || wide.inputs().size() != narrow.inputs().size()
                || !narrow.withInputs(wide.inputs()).equals(wide)) {
            return false;
        }
        for (int i = 0; i < wide.inputs().size(); i++) {
            if (!covers(wide.inputs().get(i), narrow.inputs().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Operators whose output rows are the same whatever extra columns their input carries. */
    private static boolean columnBlind(LogicalPlan plan) {
        return plan instanceof Filter || plan instanceof Project || plan instanceof WithColumns
                || plan instanceof Cache
                || plan instanceof Join join && (join.type() == JoinType.SEMI || join.type() == JoinType.ANTI);
    }
}
