package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.List;

/** Reads one CSV scan task: blocks of records from a {@link CsvRecordSource}, typed column by column. */
final class CsvBatchReader implements BatchReader {
    private final ScanTask task;
    private final ConstantColumns constants;
    private final List<String> columns;
    private final Schema outputSchema;
    private final Schema fileSchema;
    private final int[] fileColumn;
    private final int batchSize;
    private final CsvRecordSource source;
    private final CsvColumnBuilder builder;
    private long remaining;

    CsvBatchReader(ScanTask task, CsvOptions options, Schema fileSchema, ConstantColumns constants,
            List<String> columns, long rowLimit, int batchSize) {
        this.task = task;
        this.constants = constants;
        this.columns = List.copyOf(columns);
        this.fileSchema = fileSchema;
        this.outputSchema = constants.extend(fileSchema).select(columns);
        this.batchSize = batchSize;
        long limit = rowLimit < 0 ? Long.MAX_VALUE : rowLimit;
        this.remaining = options.maxRows() < 0 ? limit : Math.min(limit, options.maxRows());
        this.fileColumn = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            fileColumn[i] = fileSchema.indexOf(columns.get(i));
        }
        this.source = new CsvRecordSource(task.path(), task.start(), task.start() + task.length(), options,
                fileSchema.size());
        List<String> header = source.header();
        if (header != null && header.size() != fileSchema.size()) {
            source.close();
            throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "the CSV file " + task.path() + " has "
                    + header.size() + " columns " + header + " but the first file of the scan has "
                    + fileSchema.size() + " " + fileSchema.names());
        }
        this.builder = new CsvColumnBuilder(source, options.nullValues(), options.lossyUtf8());
    }

    @Override
    public Batch next() {
        if (remaining <= 0 || !source.nextBlock((int) Math.min(batchSize, remaining))) {
            return null;
        }
        int rows = source.parser().rows;
        remaining -= rows;
        List<Vector> vectors = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int column = fileColumn[i];
            vectors.add(column >= 0 ? builder.build(column, columns.get(i), fileSchema.field(column).type())
                    : constants.vector(columns.get(i), task, rows));
        }
        return new Batch(outputSchema, vectors, rows);
    }

    @Override
    public void close() {
        source.close();
    }
}
