package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.BatchReader;
import dev.floe.io.ColumnBounds;
import dev.floe.io.FileFormat;
import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableSource;
import dev.floe.io.dataset.DataFile;
import dev.floe.io.dataset.DatasetResolver;
import dev.floe.io.dataset.ResolvedDataset;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.storage.ObjectStores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.RowGroup;

/**
 * A table of Parquet files: footers read once at open, the schema (file columns, hive partition columns, the
 * optional file path column), row-group tasks pruned by statistics and partition values, and batch readers.
 * Options: {@code allow_missing_columns}, {@code include_file_paths=<column>}, {@code n_rows},
 * {@code hive_partitioning}.
 */
public final class ParquetTableSource implements TableSource {
    public static final String ALLOW_MISSING_COLUMNS = "allow_missing_columns";
    public static final String INCLUDE_FILE_PATHS = "include_file_paths";
    public static final String N_ROWS = "n_rows";
    /** A task grows over consecutive row groups up to this many rows. */
    static final long TASK_ROWS = 1L << 19;

    private final ScanSource source;
    private final List<DataFile> files;
    private final Map<String, ParquetMetadata> footers;
    private final List<Field> fileFields;
    private final List<Field> partitionFields;
    private final String filePathColumn;
    private final Schema schema;
    private final long rowLimit;

    private ParquetTableSource(ScanSource source) {
        if (source.format() != FileFormat.PARQUET) {
            throw FloeException.invalidArgument("ParquetTableSource cannot read a " + source.format() + " source");
        }
        this.source = source;
        ResolvedDataset dataset = DatasetResolver.resolve(source);
        this.files = dataset.files();
        this.footers = readFooters(files, source.options());
        this.fileFields = mergeSchemas(source.flag(ALLOW_MISSING_COLUMNS, false));
        this.partitionFields = dataset.partitionFields();
        this.filePathColumn = source.options().get(INCLUDE_FILE_PATHS);
        List<Field> all = new ArrayList<>(fileFields);
        for (Field partition : partitionFields) {
            if (fileFields.stream().noneMatch(field -> field.name().equals(partition.name()))) {
                all.add(partition);
            }
        }
        if (filePathColumn != null) {
            all.add(Field.of(filePathColumn, DataType.STRING));
        }
        this.schema = new Schema(all);
        String limit = source.options().get(N_ROWS);
        try {
            this.rowLimit = limit == null ? -1 : Long.parseLong(limit.trim());
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("option n_rows must be a whole number, got '" + limit + "'");
        }
    }

    /** Every file's footer: one after another locally, concurrently on object stores (one request each). */
    private static Map<String, ParquetMetadata> readFooters(List<DataFile> files, Map<String, String> options) {
        Map<String, ParquetMetadata> footers = new LinkedHashMap<>();
        if (files.size() == 1 || files.stream().noneMatch(file -> ObjectStores.isRemote(file.path()))) {
            for (DataFile file : files) {
                footers.put(file.path(), ParquetMetadata.read(file.path(), options));
            }
            return footers;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ParquetMetadata>> reads = new ArrayList<>(files.size());
            for (DataFile file : files) {
                reads.add(executor.submit(() -> ParquetMetadata.read(file.path(), options)));
            }
            for (int i = 0; i < files.size(); i++) {
                footers.put(files.get(i).path(), await(reads.get(i), reads));
            }
        }
        return footers;
    }

    private static ParquetMetadata await(Future<ParquetMetadata> read, List<Future<ParquetMetadata>> all) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while reading Parquet footers", e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read a Parquet footer: " + e.getCause(), e.getCause());
        }
    }

    /** Resolves the source's paths and reads every footer. */
    public static ParquetTableSource open(ScanSource source) {
        return new ParquetTableSource(source);
    }

    private List<Field> mergeSchemas(boolean allowMissing) {
        List<Field> merged = new ArrayList<>();
        String firstPath = null;
        for (ParquetMetadata footer : footers.values()) {
            if (firstPath == null) {
                firstPath = footer.path();
                merged.addAll(footer.schema().fields());
                continue;
            }
            Schema fileSchema = footer.schema();
            for (Field field : fileSchema.fields()) {
                Field existing = merged.stream().filter(f -> f.name().equals(field.name())).findFirst().orElse(null);
                if (existing == null) {
                    if (!allowMissing) {
                        throw mismatch(firstPath, footer.path(), "column '" + field.name() + "' is only in the second");
                    }
                    merged.add(field);
                } else if (!existing.type().equals(field.type())) {
                    throw mismatch(firstPath, footer.path(), "column '" + field.name() + "' is " + existing.type()
                            + " in the first and " + field.type() + " in the second");
                }
            }
            if (!allowMissing) {
                for (Field field : merged) {
                    if (!fileSchema.contains(field.name())) {
                        throw mismatch(firstPath, footer.path(), "column '" + field.name()
                                + "' is missing from the second");
                    }
                }
            }
        }
        return merged;
    }

    private static FloeException mismatch(String first, String second, String what) {
        return new FloeException(ErrorCode.SCHEMA_MISMATCH, "Parquet files " + first + " and " + second
                + " have different schemas: " + what + " (set allow_missing_columns=true to fill missing columns "
                + "with nulls)");
    }

    @Override
    public ScanSource source() {
        return source;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The footer of one of the source's files. */
    public ParquetMetadata metadata(String path) {
        return footers.get(path);
    }

    public List<ParquetMetadata> metadata() {
        return List.copyOf(footers.values());
    }

    List<Field> partitionFields() {
        return partitionFields;
    }

    String filePathColumn() {
        return filePathColumn;
    }

    long effectiveLimit(ScanRequest request) {
        if (rowLimit < 0) {
            return request.rowLimit();
        }
        return request.rowLimit() < 0 ? rowLimit : Math.min(rowLimit, request.rowLimit());
    }

    @Override
    public List<ScanTask> plan(ScanRequest request) {
        List<ScanTask> tasks = new ArrayList<>();
        long limit = effectiveLimit(request);
        long planned = 0;
        for (DataFile file : files) {
            if (limit >= 0 && planned >= limit) {
                break;
            }
            if (!partitionMightMatch(file.partitionValues(), request.predicate())) {
                continue;
            }
            ParquetMetadata footer = footers.get(file.path());
            int groups = footer.rowGroupCount();
            int start = -1;
            long rows = 0;
            long bytes = 0;
            for (int g = 0; g <= groups; g++) {
                boolean keep = g < groups && rowGroupMightMatch(footer, g, request.predicate());
                if (keep && start >= 0 && rows >= TASK_ROWS) {
                    tasks.add(new ScanTask(file.path(), start, g - start, rows, bytes, file.partitionValues()));
                    start = -1;
                }
                if (keep) {
                    if (start < 0) {
                        start = g;
                        rows = 0;
                        bytes = 0;
                    }
                    rows += footer.rowGroupRows(g);
                    bytes += footer.rowGroupBytes(g);
                    planned += footer.rowGroupRows(g);
                    if (limit >= 0 && planned >= limit) {
                        tasks.add(new ScanTask(file.path(), start, g + 1 - start, rows, bytes, file.partitionValues()));
                        start = -1;
                        break;
                    }
                } else if (start >= 0) {
                    tasks.add(new ScanTask(file.path(), start, g - start, rows, bytes, file.partitionValues()));
                    start = -1;
                }
            }
        }
        return tasks;
    }

    boolean partitionMightMatch(Map<String, String> values, ColumnPredicate predicate) {
        if (predicate == null || values.isEmpty()) {
            return true;
        }
        return RowGroupPruner.mightMatch(predicate, column -> {
            for (Field field : partitionFields) {
                if (field.name().equals(column) && values.containsKey(column)) {
                    return PartitionValues.range(field.type(), values.get(column), 1);
                }
            }
            return null;
        }, column -> partitionFields.stream().filter(f -> f.name().equals(column)).map(Field::type)
                .findFirst().orElse(null));
    }

    static boolean rowGroupMightMatch(ParquetMetadata footer, int group, ColumnPredicate predicate) {
        if (predicate == null) {
            return true;
        }
        RowGroup rowGroup = footer.rowGroups().get(group);
        return RowGroupPruner.mightMatch(predicate, column -> {
            if (footer.column(column) instanceof ParquetNode.Primitive primitive) {
                ColumnChunk chunk = rowGroup.getColumns().get(primitive.column());
                var meta = chunk.getMeta_data();
                return StatisticsValues.range(primitive, meta.isSetStatistics() ? meta.getStatistics() : null,
                        rowGroup.getNum_rows());
            }
            return null;
        }, column -> footer.column(column) instanceof ParquetNode.Primitive primitive ? primitive.type() : null);
    }

    @Override
    public BatchReader open(ScanTask task, ScanRequest request) {
        ParquetMetadata footer = footers.get(task.path());
        if (footer == null) {
            footer = ParquetMetadata.read(task.path(), source.options());
        }
        return new ParquetBatchReader(this, footer, task, request);
    }

    /** Folds the column's min/max statistics over every row group of every file; empty when one lacks them. */
    @Override
    public Optional<ColumnBounds> columnBounds(String column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ParquetMetadata footer : footers.values()) {
            if (!(footer.column(column) instanceof ParquetNode.Primitive primitive)
                    || !ColumnBounds.supports(primitive.type())) {
                return Optional.empty();
            }
            for (RowGroup rowGroup : footer.rowGroups()) {
                var meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
                ValueRange range = StatisticsValues.range(primitive,
                        meta.isSetStatistics() ? meta.getStatistics() : null, rowGroup.getNum_rows());
                if (range.allNull()) {
                    continue;
                }
                Object low = range.min();
                Object high = range.max();
                if (!(low instanceof BigDecimal lowest) || !(high instanceof BigDecimal highest)) {
                    return Optional.empty();
                }
                min = Math.min(min, lowest.doubleValue());
                max = Math.max(max, highest.doubleValue());
            }
        }
        return min <= max ? Optional.of(new ColumnBounds(min, max)) : Optional.empty();
    }

    /** Each row group's min/max/null count of the column, files in dataset order; empty when a file lacks it. */
    @Override
    public Optional<List<RowGroupBounds>> rowGroupBounds(String column) {
        List<RowGroupBounds> bounds = new ArrayList<>();
        for (DataFile file : files) {
            ParquetMetadata footer = footers.get(file.path());
            if (footer == null || !(footer.column(column) instanceof ParquetNode.Primitive primitive)
                    || !RowGroupBounds.supports(primitive.type())) {
                return Optional.empty();
            }
            for (int group = 0; group < footer.rowGroupCount(); group++) {
                RowGroup rowGroup = footer.rowGroups().get(group);
                var meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
                ValueRange range = StatisticsValues.range(primitive,
                        meta.isSetStatistics() ? meta.getStatistics() : null, rowGroup.getNum_rows());
                Object lowest = range.min();
                Object highest = range.max();
                if (lowest instanceof BigDecimal low && highest instanceof BigDecimal high && fitsLong(low)
                        && fitsLong(high) && low.compareTo(high) <= 0) {
                    bounds.add(new RowGroupBounds(file.path(), group, rowGroup.getNum_rows(), true,
                            low.longValueExact(), high.longValueExact(), range.nullCount()));
                } else {
                    bounds.add(new RowGroupBounds(file.path(), group, rowGroup.getNum_rows(), false, 0, 0,
                            range.nullCount()));
                }
            }
        }
        return Optional.of(bounds);
    }

    private static boolean fitsLong(BigDecimal value) {
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @Override
    public SourceStatistics statistics() {
        long rows = 0;
        long groups = 0;
        long bytes = 0;
        for (ParquetMetadata footer : footers.values()) {
            rows += footer.rowCount();
            groups += footer.rowGroupCount();
            bytes += footer.fileSize();
        }
        return new SourceStatistics(files.size(), groups, rows, bytes);
    }
}
