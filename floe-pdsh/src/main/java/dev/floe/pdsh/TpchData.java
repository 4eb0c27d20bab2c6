package dev.floe.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates TPC-H tables (dbgen's rows, via {@code io.trino.tpch}) as Floe batches with PDS-H's types: integers
 * Int64, decimals Float64, dates Date, text String.
 *
 * <p>Parts are numbered from 0. Part {@code k} of orders holds exactly the orders whose line items are part
 * {@code k} of lineitem, when both are split into the same number of parts.
 */
public final class TpchData {
    /** Rows per generated batch. */
    public static final int BATCH_ROWS = 65_536;

    private TpchData() {
    }

    /** Lazily generated batches of part {@code part} (0-based) of {@code table} split into {@code partCount}. */
    public static Iterator<Batch> batches(TpchTable table, double scaleFactor, int part, int partCount) {
        checkScaleFactor(scaleFactor);
        if (partCount < 1 || part < 0 || part >= partCount) {
            throw FloeException.invalidArgument("part " + part + " of " + partCount + " does not exist; parts are"
                    + " numbered 0 to partCount - 1 with partCount >= 1");
        }
        if ((table == TpchTable.REGION || table == TpchTable.NATION) && partCount != 1) {
            throw FloeException.invalidArgument(table.tableName() + " has fixed contents and cannot be split into "
                    + partCount + " parts; use partCount 1");
        }
        return TpchRowBatches.of(table, scaleFactor, part + 1, partCount, BATCH_ROWS);
    }

    /** Lazily generated batches of part {@code part} of {@code table} split into {@link TpchTable#partCount}. */
    public static Iterator<Batch> batches(TpchTable table, double scaleFactor, int part) {
        return batches(table, scaleFactor, part, table.partCount(scaleFactor));
    }

    /** All batches of part {@code part} of {@code table} (split into {@link TpchTable#partCount}), in memory. */
    public static List<Batch> generate(TpchTable table, double scaleFactor, int part) {
        List<Batch> result = new ArrayList<>();
        batches(table, scaleFactor, part).forEachRemaining(result::add);
        return result;
    }

    /** Every part of {@code table}, generated in parallel on all cores; element {@code k} is part {@code k}. */
    public static List<List<Batch>> generateParts(TpchTable table, double scaleFactor) {
        checkScaleFactor(scaleFactor);
        int partCount = table.partCount(scaleFactor);
        try (ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(partCount, Runtime.getRuntime().availableProcessors()))) {
            List<Future<List<Batch>>> futures = new ArrayList<>(partCount);
            for (int part = 0; part < partCount; part++) {
                int index = part;
                futures.add(pool.submit(() -> generate(table, scaleFactor, index)));
            }
            List<List<Batch>> parts = new ArrayList<>(partCount);
            for (Future<List<Batch>> future : futures) {
                parts.add(future.get());
            }
            return parts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "TPC-H generation of " + table.tableName()
                    + " was interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return FloeException.internal("TPC-H generation failed: " + e.getCause());
    }

    static void checkScaleFactor(double scaleFactor) {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw FloeException.invalidArgument("scale factor must be a positive number such as 0.1, 1 or 10, not "
                    + scaleFactor);
        }
    }
}
