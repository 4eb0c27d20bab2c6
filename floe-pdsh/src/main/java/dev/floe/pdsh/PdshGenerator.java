package dev.floe.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a PDS-H data set, {@code DIR/sf<SF>/<table>/part-<k>.<ext>}, generating table parts in parallel on all
 * cores; the format is the given {@link TableWriter}'s.
 */
public final class PdshGenerator {
    /** The file in a scale factor directory that says every table was written completely. */
    public static final String COMPLETE_MARKER = "_complete";

    private final TableWriter writer;
    private final int threads;
    /** Part files of orders and lineitem; 0: {@link TpchTable#partCount}'s default. */
    private final int largeTableParts;

    public PdshGenerator(TableWriter writer) {
        this(writer, Runtime.getRuntime().availableProcessors());
    }

    public PdshGenerator(TableWriter writer, int threads) {
        this(writer, threads, 0);
    }

    /** A generator writing orders and lineitem in {@code largeTableParts} files each (0: the default count). */
    public PdshGenerator(TableWriter writer, int threads, int largeTableParts) {
        if (threads < 1) {
            throw FloeException.invalidArgument("thread count must be at least 1, not " + threads);
        }
        if (largeTableParts < 0) {
            throw FloeException.invalidArgument("part count must be at least 1 (or 0 for the default), not "
                    + largeTableParts);
        }
        this.writer = writer;
        this.threads = threads;
        this.largeTableParts = largeTableParts;
    }

    private int partCount(TpchTable table, double scaleFactor) {
        return table.partitioned() && largeTableParts > 0 ? largeTableParts : table.partCount(scaleFactor);
    }

    /** Command line entry point; see {@link PdshGenerateCommand}. */
    public static void main(String[] args) {
        PdshGenerateCommand.main(args);
    }

    /** The directory name of a scale factor: {@code sf0.1}, {@code sf1}, {@code sf10}. */
    public static String scaleFactorDirectoryName(double scaleFactor) {
        TpchData.checkScaleFactor(scaleFactor);
        return "sf" + BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
    }

    /** The directory that holds the data set of this scale factor under {@code root}. */
    public static Path scaleFactorDirectory(Path root, double scaleFactor) {
        return root.resolve(scaleFactorDirectoryName(scaleFactor));
    }

    /** Whether {@code root} holds a completely written data set of this scale factor. */
    public static boolean isComplete(Path root, double scaleFactor) {
        return Files.exists(scaleFactorDirectory(root, scaleFactor).resolve(COMPLETE_MARKER));
    }

    /**
     * Generates and writes every table at {@code scaleFactor} under {@code root}, replacing what was there, drawing
     * a progress bar on {@code progress} (or nothing if null); returns the scale factor directory.
     */
    public Path generate(Path root, double scaleFactor, PrintStream progress) {
        Path directory = scaleFactorDirectory(root, scaleFactor);
        List<Task> tasks = new ArrayList<>();
        long totalRows = 0;
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve(COMPLETE_MARKER));
            for (TpchTable table : TpchTable.values()) {
                Path tableDirectory = directory.resolve(table.tableName());
                deleteFiles(tableDirectory);
                Files.createDirectories(tableDirectory);
                int partCount = partCount(table, scaleFactor);
                long rowsPerPart = table.approximateRows(scaleFactor) / partCount;
                for (int part = 0; part < partCount; part++) {
                    tasks.add(new Task(table, part, tableDirectory.resolve("part-" + part + "." + writer.fileExtension()),
                            rowsPerPart));
                }
                totalRows += table.approximateRows(scaleFactor);
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        tasks.sort(Comparator.comparingLong(Task::expectedRows).reversed());
        ProgressBar bar = progress == null ? null
                : new ProgressBar(progress, "generating " + directory.getFileName(), totalRows);
        runAll(tasks, scaleFactor, bar);
        if (bar != null) {
            bar.finish();
        }
        try {
            Files.writeString(directory.resolve(COMPLETE_MARKER), "scale factor " + scaleFactor + "\n");
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write " + directory.resolve(COMPLETE_MARKER), e);
        }
        return directory;
    }

    private void runAll(List<Task> tasks, double scaleFactor, ProgressBar bar) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()))) {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    writePart(task, scaleFactor, bar);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "PDS-H data generation was interrupted", e);
        } catch (ExecutionException e) {
            throw TpchData.unwrap(e);
        }
    }

    private void writePart(Task task, double scaleFactor, ProgressBar bar) {
        Iterator<Batch> source = TpchData.batches(task.table(), scaleFactor, task.part(),
                partCount(task.table(), scaleFactor));
        Iterator<Batch> counted = bar == null ? source : new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Batch next() {
                Batch batch = source.next();
                bar.advance(batch.rowCount());
                return batch;
            }
        };
        Path temporary = task.file().resolveSibling(task.file().getFileName() + ".tmp");
        try {
            writer.write(temporary, task.table().schema(), counted);
            Files.move(temporary, task.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write " + task.file() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Task(TpchTable table, int part, Path file, long expectedRows) {
    }
}
