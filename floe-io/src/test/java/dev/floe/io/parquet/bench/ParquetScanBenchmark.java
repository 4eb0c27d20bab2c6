package dev.floe.io.parquet.bench;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.parquet.ParquetTableSource;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.predicate.ColumnPredicate.CompareOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scan benchmark (not a test): writes a synthetic lineitem-like table (16 columns, TPC-H shapes) with Floe's
 * writer (zstd) unless the file exists, then scans it with N threads, all columns and 4 numeric/date columns.
 * With {@code -Dq6}, also PDS-H Q6's scan (4 columns) without and with Q6's predicate pushed down (late
 * materialization: l_shipdate, l_discount, l_quantity decoded first, l_extendedprice for survivors only where
 * that pays); {@code -Dq6only} runs only the filtered scan (for profiling).
 * Usage: {@code ParquetScanBenchmark FILE [ROWS] [THREADS] [REPEATS]}.
 */
public final class ParquetScanBenchmark {
    private static final String[] FLAGS = {"A", "N", "R"};
    private static final String[] STATUS = {"F", "O"};
    private static final String[] INSTRUCT = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
    private static final String[] WORDS = {"furiously", "quickly", "carefully", "blithely", "final", "regular",
            "express", "pending", "ironic", "bold", "deposits", "packages", "accounts", "requests", "theodolites"};

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final AtomicLong CPU_NANOS = new AtomicLong();

    private ParquetScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 6_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            write(file, rows);
            System.out.printf("wrote %,d rows in %.1f s (%,d bytes)%n", rows, (System.nanoTime() - start) / 1e9,
                    Files.size(file));
        }
        if (System.getProperty("perColumn") != null) {
            ParquetTableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET,
                    List.of(file.toString()), Map.of()));
            for (String column : table.schema().names()) {
                report(column, file, List.of(column), null, threads);
            }
        }
        List<String> numeric = List.of("l_orderkey", "l_quantity", "l_extendedprice", "l_shipdate");
        List<String> q6 = List.of("l_quantity", "l_extendedprice", "l_discount", "l_shipdate");
        ColumnPredicate q6Predicate = new ColumnPredicate.And(List.of(
                new ColumnPredicate.Compare("l_shipdate", CompareOp.GT_EQ, LocalDate.of(1994, 1, 1)),
                new ColumnPredicate.Compare("l_shipdate", CompareOp.LT, LocalDate.of(1995, 1, 1)),
                new ColumnPredicate.Compare("l_discount", CompareOp.GT_EQ, 0.05),
                new ColumnPredicate.Compare("l_discount", CompareOp.LT_EQ, 0.07),
                new ColumnPredicate.Compare("l_quantity", CompareOp.LT, 24L)));
        for (int r = 0; r < repeats; r++) {
            if (System.getProperty("q6only") != null) {
                report("Q6 columns, Q6 predicate", file, q6, q6Predicate, threads);
                continue;
            }
            report("all 16 columns", file, null, null, threads);
            report("4 numeric/date columns", file, numeric, null, threads);
            if (System.getProperty("q6") != null) {
                report("Q6 columns, no predicate", file, q6, null, threads);
                report("Q6 columns, Q6 predicate", file, q6, q6Predicate, threads);
            }
        }
    }

    private static void report(String label, Path file, List<String> columns, ColumnPredicate predicate,
            int threads) throws Exception {
        long start = System.nanoTime();
        CPU_NANOS.set(0);
        long rows = scan(file, columns, predicate, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = CPU_NANOS.get() / 1e9;
        System.out.printf("%-24s %,d rows in %.3f s = %,.1f M rows/s wall (%d threads); %.3f CPU s = %,.1f M rows/s "
                + "per busy thread%n", label, rows, seconds, rows / seconds / 1e6, threads, cpuSeconds,
                rows / cpuSeconds / 1e6);
    }

    static long scan(Path file, List<String> columns, ColumnPredicate predicate, int threads) throws Exception {
        ParquetTableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET,
                List.of(file.toString()), Map.of()));
        ScanRequest request = new ScanRequest(columns, predicate, -1,
                Integer.getInteger("batchSize", ScanRequest.DEFAULT_BATCH_SIZE));
        List<ScanTask> tasks = table.plan(request);
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ScanTask task : tasks) {
                futures.add(pool.submit(() -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    try (BatchReader reader = table.open(task, request)) {
                        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                            rows.addAndGet(batch.rowCount());
                        }
                    }
                    CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return rows.get();
    }

    static void write(Path file, int rows) {
        Schema schema = new Schema(List.of(
                Field.of("l_orderkey", DataType.INT64), Field.of("l_partkey", DataType.INT64),
                Field.of("l_suppkey", DataType.INT64), Field.of("l_linenumber", DataType.INT32),
                Field.of("l_quantity", DataType.decimal(15, 2)), Field.of("l_extendedprice", DataType.decimal(15, 2)),
                Field.of("l_discount", DataType.decimal(15, 2)), Field.of("l_tax", DataType.decimal(15, 2)),
                Field.of("l_returnflag", DataType.STRING), Field.of("l_linestatus", DataType.STRING),
                Field.of("l_shipdate", DataType.DATE), Field.of("l_commitdate", DataType.DATE),
                Field.of("l_receiptdate", DataType.DATE), Field.of("l_shipinstruct", DataType.STRING),
                Field.of("l_shipmode", DataType.STRING), Field.of("l_comment", DataType.STRING)));
        SplittableRandom random = new SplittableRandom(42);
        int batchRows = 100_000;
        try (ParquetWriter writer = ParquetWriter.open(file, schema, ParquetWriteOptions.defaults())) {
            long orderKey = 1;
            int line = 1;
            for (int done = 0; done < rows; done += batchRows) {
                int n = Math.min(batchRows, rows - done);
                long[][] longs = new long[7][n];
                int[][] ints = new int[4][n];
                BytesVectorBuilder[] strings = new BytesVectorBuilder[5];
                for (int s = 0; s < strings.length; s++) {
                    strings[s] = new BytesVectorBuilder(DataType.STRING, n);
                }
                for (int i = 0; i < n; i++) {
                    if (line > 1 + random.nextInt(7)) {
                        orderKey += 1 + random.nextInt(4);
                        line = 1;
                    }
                    longs[0][i] = orderKey;
                    longs[1][i] = 1 + random.nextInt(200_000);
                    longs[2][i] = 1 + random.nextInt(10_000);
                    ints[0][i] = line++;
                    long quantity = 1 + random.nextInt(50);
                    longs[3][i] = quantity * 100;
                    longs[4][i] = quantity * (90_000 + random.nextInt(1_000_000)) / 10;
                    longs[5][i] = random.nextInt(11);
                    longs[6][i] = random.nextInt(9);
                    int ship = 8_035 + random.nextInt(2_526);
                    ints[1][i] = ship;
                    ints[2][i] = ship + random.nextInt(60) - 30;
                    ints[3][i] = ship + 1 + random.nextInt(30);
                    strings[0].append(FLAGS[random.nextInt(FLAGS.length)]);
                    strings[1].append(STATUS[random.nextInt(STATUS.length)]);
                    strings[2].append(INSTRUCT[random.nextInt(INSTRUCT.length)]);
                    strings[3].append(MODES[random.nextInt(MODES.length)]);
                    StringBuilder comment = new StringBuilder();
                    int words = 2 + random.nextInt(5);
                    for (int w = 0; w < words; w++) {
                        comment.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    strings[4].append(comment.toString());
                }
                DataType decimal = DataType.decimal(15, 2);
                List<Vector> columns = List.of(
                        LongVector.of(DataType.INT64, longs[0]), LongVector.of(DataType.INT64, longs[1]),
                        LongVector.of(DataType.INT64, longs[2]), IntVector.of(DataType.INT32, ints[0]),
                        LongVector.of(decimal, longs[3]), LongVector.of(decimal, longs[4]),
                        LongVector.of(decimal, longs[5]), LongVector.of(decimal, longs[6]),
                        strings[0].build(), strings[1].build(),
                        IntVector.of(DataType.DATE, ints[1]), IntVector.of(DataType.DATE, ints[2]),
                        IntVector.of(DataType.DATE, ints[3]), strings[2].build(), strings[3].build(),
                        strings[4].build());
                writer.writeBatch(new Batch(schema, columns, n));
            }
        }
    }
}
