package dev.floe.io.csv;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableSource;
import dev.floe.io.dataset.DataFile;
import dev.floe.io.dataset.DatasetResolver;
import dev.floe.io.storage.LocalCopies;
import dev.floe.io.dataset.ResolvedDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files as a table: the schema comes from the first file (header and type inference, see
 * {@link CsvSchemaInference} and {@link CsvOptions} for the options); files larger than {@link #SPLIT_BYTES}
 * are cut into byte-range tasks aligned to record starts (see {@link CsvSplitter}), smaller ones are one task.
 */
public final class CsvTableSource implements TableSource {
    /** Files above this size are split into ranges of about this size. */
    public static final long SPLIT_BYTES = 64L << 20;

    private final ScanSource source;
    private final CsvOptions options;
    private final ResolvedDataset dataset;
    private final Schema fileSchema;
    private final ConstantColumns constants;
    private final Schema schema;
    private final double bytesPerRecord;

    private CsvTableSource(ScanSource source) {
        this.source = source;
        this.options = CsvOptions.from(source);
        this.dataset = LocalCopies.copyRemote(DatasetResolver.resolve(source), source.options());
        DataFile first = dataset.files().getFirst();
        CsvSchemaInference.Result inferred = CsvSchemaInference.infer(first.path(), first.size(), options);
        this.fileSchema = inferred.schema();
        this.bytesPerRecord = inferred.bytesPerRecord();
        this.constants = new ConstantColumns(dataset.partitionFields(), options.filePathColumn());
        this.schema = constants.extend(fileSchema);
    }

    public static TableSource open(ScanSource source) {
        if (source.format() != FileFormat.CSV) {
            throw FloeException.invalidArgument("CsvTableSource reads CSV scans, got " + source.format());
        }
        return new CsvTableSource(source);
    }

    @Override
    public ScanSource source() {
        return source;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The schema of the file columns only (without partition and path columns). */
    public Schema fileSchema() {
        return fileSchema;
    }

    @Override
    public List<ScanTask> plan(ScanRequest request) {
        return plan(SPLIT_BYTES);
    }

    /** The tasks when files are split into ranges of about {@code splitBytes}. */
    List<ScanTask> plan(long splitBytes) {
        List<ScanTask> tasks = new ArrayList<>();
        boolean split = options.maxRows() < 0 && options.skipRows() == 0;
        for (DataFile file : dataset.files()) {
            List<Long> points = split ? CsvSplitter.splitPoints(file.path(), file.size(), splitBytes, options.quote())
                    : List.of(0L);
            for (int i = 0; i < points.size(); i++) {
                long start = points.get(i);
                long end = i + 1 < points.size() ? points.get(i + 1) : file.size();
                long rows = bytesPerRecord > 0 ? Math.round((end - start) / bytesPerRecord) : -1;
                tasks.add(new ScanTask(file.path(), start, end - start, rows, end - start, file.partitionValues()));
            }
        }
        return tasks;
    }

    @Override
    public BatchReader open(ScanTask task, ScanRequest request) {
        List<String> columns = request.columns() == null ? schema.names() : request.columns();
        for (String column : columns) {
            schema.require(column);
        }
        return new CsvBatchReader(task, options, fileSchema, constants, columns, request.rowLimit(),
                request.batchSize());
    }

    @Override
    public SourceStatistics statistics() {
        long bytes = 0;
        for (DataFile file : dataset.files()) {
            bytes += file.size();
        }
        long rows = bytesPerRecord > 0 ? Math.round(bytes / bytesPerRecord) : -1;
        return new SourceStatistics(dataset.files().size(), -1, rows, bytes);
    }
}
