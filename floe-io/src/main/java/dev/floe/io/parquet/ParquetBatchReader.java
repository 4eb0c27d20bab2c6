package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.storage.ByteRange;
import dev.floe.io.storage.InputFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * Reads one task's row groups: for each, the needed column chunks in one {@link InputFile#readAll} (one
 * positioned read per chunk locally, coalesced ranged GETs on S3), page decoding into
 * primitive arrays, assembly into vectors, then batches of the requested size with partition and path columns.
 * With a pushed-down predicate, its columns are read and decoded first and the others only for surviving rows
 * (late materialization; a second readAll); its conjuncts on a dictionary-encoded string column are evaluated on
 * the dictionary, without building the strings ({@link DictionaryChunkFilter}).
 */
final class ParquetBatchReader implements BatchReader {
    /** Late materialization pays when the pushed predicate keeps at most this fraction of a row group's rows. */
    static final double LATE_FRACTION = 0.5;
    /** ... and leaves at least this fraction of them in one run without survivors. */
    static final double SKIP_FRACTION = 0.25;
    /** {@code -Dfloe.parquet.lateMaterialization=false} decodes every column for every row (for comparisons). */
    private static final boolean LATE_MATERIALIZATION = Boolean.parseBoolean(
            System.getProperty("floe.parquet.lateMaterialization", "true"));
    private final ParquetTableSource table;
    private final ParquetMetadata footer;
    private final ScanTask task;
    private final ScanRequest request;
    private final Schema outputSchema;
    private final InputFile file;
    private final long limit;
    /** The pushed predicate's columns, decoded first for late materialization; null when it does not apply. */
    private final List<String> predicateColumns;
    /** The predicate's conjuncts, those on one string column apart (evaluated on its dictionary where it has one). */
    private final PredicateTerms terms;
    /**
     * False once a row group's survivors did not pay for late materialization: the task's other row groups (the
     * same file, likely the same distribution) are then read without evaluating the predicate.
     */
    private boolean latePays = true;
    private int nextGroup;
    private long produced;
    /** Per output column: a decoded row-group vector, or null for a constant made per batch. */
    private List<Vector> current;
    private List<IntFunction<Vector>> constants;
    private int currentRows;
    private int currentOffset;

    ParquetBatchReader(ParquetTableSource table, ParquetMetadata footer, ScanTask task, ScanRequest request) {
        this.table = table;
        this.footer = footer;
        this.task = task;
        this.request = request;
        Schema schema = table.schema();
        this.outputSchema = request.columns() == null ? schema : schema.select(request.columns());
        this.limit = table.effectiveLimit(request);
        this.nextGroup = (int) task.start();
        this.terms = request.predicate() == null ? null
                : PredicateTerms.split(request.predicate(), this::flatStringColumn);
        this.predicateColumns = lateColumns(request.predicate());
        this.file = ParquetFiles.open(footer.path(), table.source().options());
    }

    @Override
    public Batch next() {
        while (true) {
            if (limit >= 0 && produced >= limit) {
                return null;
            }
            if (current != null && currentOffset < currentRows) {
                int size = (int) Math.min(request.batchSize(), currentRows - currentOffset);
                if (limit >= 0) {
                    size = (int) Math.min(size, limit - produced);
                }
                List<Vector> columns = new ArrayList<>(current.size());
                for (int c = 0; c < current.size(); c++) {
                    Vector column = current.get(c);
                    if (column == null) {
                        columns.add(constants.get(c).apply(size));
                    } else {
                        columns.add(size == currentRows ? column : column.slice(currentOffset, size));
                    }
                }
                currentOffset += size;
                produced += size;
                return new Batch(outputSchema, columns, size);
            }
            current = null;
            if (nextGroup >= task.start() + task.length() || nextGroup >= footer.rowGroupCount()) {
                return null;
            }
            int group = nextGroup++;
            if (!ParquetTableSource.rowGroupMightMatch(footer, group, request.predicate())) {
                continue;
            }
            if (!readRowGroup(group)) {
                current = null;
            }
        }
    }

    /**
     * Decodes one row group's output columns. With a pushed-down predicate on flat columns, those are decoded
     * first; when that pays (see {@link #select}), the other columns are decoded for the surviving rows only
     * (pages without survivors are skipped) and the batch holds only those rows. Returns whether any row is left.
     */
    private boolean readRowGroup(int group) {
        RowGroup rowGroup = footer.rowGroups().get(group);
        long rowCount = rowGroup.getNum_rows();
        if (rowCount > Integer.MAX_VALUE - 16) {
            throw ParquetMetadata.corrupt(footer.path(), "row group " + group + " claims " + rowCount + " rows");
        }
        int rows = (int) rowCount;
        Map<Integer, ColumnData> data = new HashMap<>();
        Map<Integer, Vector> dense = new HashMap<>();
        Map<String, Vector> decoded = new HashMap<>();
        RowSelection selection = null;
        Map<Integer, byte[]> chunks = new HashMap<>();
        if (predicateColumns != null && (latePays || !terms.byStringColumn().isEmpty())) {
            chunks.putAll(fetchChunks(rowGroup, predicateColumns));
            selection = selectRows(rowGroup, rows, chunks, data, dense, decoded);
            if (selection != null && selection.count() == 0) {
                return false;
            }
        }
        List<String> rest = new ArrayList<>();
        for (Field field : outputSchema.fields()) {
            if (!decoded.containsKey(field.name()) && !(footer.column(field.name()) instanceof ParquetNode.Primitive
                    primitive && chunks.containsKey(primitive.column()))) {
                rest.add(field.name());
            }
        }
        chunks.putAll(fetchChunks(rowGroup, rest));
        List<Vector> columns = new ArrayList<>(outputSchema.size());
        List<IntFunction<Vector>> constantColumns = new ArrayList<>(outputSchema.size());
        for (Field field : outputSchema.fields()) {
            IntFunction<Vector> constant = constant(field);
            constantColumns.add(constant);
            Vector vector = null;
            if (constant == null) {
                vector = decoded.get(field.name());
                if (vector == null) {
                    vector = column(field, rowGroup, rows, chunks, data, dense, selection);
                } else if (selection != null) {
                    vector = vector.take(selection.rows(), selection.count());
                }
            }
            columns.add(vector);
        }
        current = columns;
        constants = constantColumns;
        currentRows = selection == null ? rows : selection.count();
        currentOffset = 0;
        return true;
    }

    /**
     * The rows the pushed predicate keeps, or null to keep all: late materialization pays when no row survives, or
     * when at most {@link #LATE_FRACTION} survive and leave a run of at least {@link #SKIP_FRACTION} of the row
     * group without survivors (pages there are skipped: clustered data, sorted keys). Survivors scattered evenly
     * through every page (PDS-H Q6 on lineitem) do not pay: every page is decompressed anyway, so the row group
     * is decoded normally, the executor's filter drops the rows, and the rest of the task skips the evaluation.
     */
    private RowSelection select(boolean[] keep, int rows) {
        if (keep == null) {
            return null;
        }
        int count = 0;
        int longestGap = 0;
        int gap = 0;
        for (boolean kept : keep) {
            count += kept ? 1 : 0;
            gap = kept ? 0 : gap + 1;
            longestGap = Math.max(longestGap, gap);
        }
        if (count > 0 && (count > rows * LATE_FRACTION || longestGap < rows * SKIP_FRACTION)) {
            latePays = false;
            return null;
        }
        return selection(keep, count, rows);
    }

    /** The rows {@code keep} marks ({@code count} of them), or null when that is all {@code rows}. */
    private static RowSelection selection(boolean[] keep, int count, int rows) {
        if (count == rows) {
            return null;
        }
        int[] selected = new int[count];
        int next = 0;
        for (int i = 0; i < rows; i++) {
            if (keep[i]) {
                selected[next++] = i;
            }
        }
        return new RowSelection(selected, count);
    }

    /**
     * Evaluates the pushed predicate on a row group: the conjuncts on one string column on its dictionary where the
     * chunk has one ({@link DictionaryChunkFilter}: no string is built, the column is later decoded for the survivors
     * only), the others on their columns decoded in full (put in {@code decoded}). When a dictionary evaluated a
     * conjunct the selection always applies (evaluating it cost little and spared the strings); otherwise only
     * where late materialization pays (see {@link #select}).
     */
    private RowSelection selectRows(RowGroup rowGroup, int rows, Map<Integer, byte[]> chunks,
            Map<Integer, ColumnData> data, Map<Integer, Vector> dense, Map<String, Vector> decoded) {
        boolean[] keep = null;
        List<ColumnPredicate> unevaluated = new ArrayList<>(terms.others());
        for (Map.Entry<String, List<ColumnPredicate>> entry : terms.byStringColumn().entrySet()) {
            ParquetNode.Primitive primitive = (ParquetNode.Primitive) footer.column(entry.getKey());
            ColumnMetaData meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
            DictionaryPredicate predicate = DictionaryPredicate.of(entry.getValue(),
                    outputSchema.field(entry.getKey()).type());
            boolean[] verdicts = predicate == null || !DictionaryChunkFilter.applies(primitive, meta) ? null
                    : new DictionaryChunkFilter(footer.path(), primitive, meta, predicate)
                            .evaluate(chunks.get(primitive.column()), rows);
            if (verdicts == null) {
                unevaluated.addAll(entry.getValue());
            } else if (keep == null) {
                keep = verdicts;
            } else {
                RowMasks.and(keep, verdicts, rows);
            }
        }
        boolean dictionary = keep != null;
        if (!dictionary && !latePays) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        unevaluated.forEach(term -> PredicateTerms.collectColumns(term, names));
        for (String name : names) {
            decoded.put(name, column(outputSchema.field(name), rowGroup, rows, chunks, data, dense, null));
        }
        ColumnPredicate rest = PredicateTerms.conjunction(unevaluated);
        if (!dictionary) {
            return select(rest == null ? null : PredicateSelection.mayMatch(rest, decoded::get, rows), rows);
        }
        if (rest != null) {
            // the other conjuncts test only the rows the dictionaries kept
            keep = Conjunctions.mayMatch(new ColumnPredicate.And(unevaluated), decoded::get, rows, keep);
        }
        return selection(keep, RowMasks.count(keep, rows), rows);
    }

    /** Whether {@code name} is a flat string or binary column stored in this file and read by this scan. */
    private boolean flatStringColumn(String name) {
        return outputSchema.names().contains(name) && footer.column(name) instanceof ParquetNode.Primitive primitive
                && primitive.repetitionLevel() == 0 && (primitive.type() instanceof DataType.StringType
                        || primitive.type() instanceof DataType.BinaryType)
                && constant(outputSchema.field(name)) == null;
    }

    /**
     * The output columns the pushed predicate reads when late materialization can apply: all of them stored
     * flat in this file, and at least one other stored output column to spare or a string conjunct (whose column
     * is then decoded for the survivors only); otherwise null.
     */
    private List<String> lateColumns(ColumnPredicate predicate) {
        if (predicate == null || !LATE_MATERIALIZATION) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        PredicateTerms.collectColumns(predicate, names);
        for (String name : names) {
            if (!outputSchema.names().contains(name) || constant(outputSchema.field(name)) != null
                    || !(footer.column(name) instanceof ParquetNode.Primitive primitive)
                    || primitive.repetitionLevel() != 0) {
                return null;
            }
        }
        boolean others = false;
        for (Field field : outputSchema.fields()) {
            others |= !names.contains(field.name()) && constant(field) == null;
        }
        others |= !terms.byStringColumn().isEmpty();
        return others && !names.isEmpty() ? List.copyOf(names) : null;
    }

    /** The per-batch maker of a column not stored in this file (path, partition, missing), or null. */
    private IntFunction<Vector> constant(Field field) {
        String name = field.name();
        if (name.equals(table.filePathColumn())) {
            return rows -> PartitionValues.constant(DataType.STRING, task.path(), rows);
        }
        if (footer.column(name) != null) {
            return null;
        }
        for (Field partition : table.partitionFields()) {
            if (partition.name().equals(name)) {
                String value = task.partitionValues().get(name);
                return rows -> PartitionValues.constant(partition.type(), value, rows);
            }
        }
        return rows -> Vectors.nulls(field.type(), rows);
    }

    /** The compressed bytes of the column chunks of the named output columns, in one readAll. */
    private Map<Integer, byte[]> fetchChunks(RowGroup rowGroup, List<String> names) {
        List<Integer> leaves = new ArrayList<>();
        for (String name : names) {
            if (constant(outputSchema.field(name)) == null) {
                collectLeaves(footer.column(name), leaves);
            }
        }
        List<ByteRange> ranges = new ArrayList<>(leaves.size());
        for (int leaf : leaves) {
            ColumnMetaData meta = rowGroup.getColumns().get(leaf).getMeta_data();
            ranges.add(new ByteRange(ParquetMetadata.chunkStart(meta), (int) meta.getTotal_compressed_size()));
        }
        List<byte[]> bytes = file.readAll(ranges);
        Map<Integer, byte[]> chunks = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            chunks.put(leaves.get(i), bytes.get(i));
        }
        return chunks;
    }

    private static void collectLeaves(ParquetNode node, List<Integer> out) {
        switch (node) {
            case ParquetNode.Primitive primitive -> {
                if (!out.contains(primitive.column())) {
                    out.add(primitive.column());
                }
            }
            case ParquetNode.Struct struct -> struct.children().forEach(child -> collectLeaves(child, out));
            case ParquetNode.ListNode list -> collectLeaves(list.element(), out);
        }
    }

    /** A column of the row group: all rows, or the selected ones (flat columns decode only those). */
    private Vector column(Field field, RowGroup rowGroup, int rows, Map<Integer, byte[]> chunks,
            Map<Integer, ColumnData> data, Map<Integer, Vector> dense, RowSelection selection) {
        String name = field.name();
        ParquetNode node = footer.column(name);
        boolean flat = node instanceof ParquetNode.Primitive primitive && primitive.repetitionLevel() == 0;
        if (selection != null && !flat) {
            return column(field, rowGroup, rows, chunks, data, dense, null).take(selection.rows(), selection.count());
        }
        loadLeaves(node, rowGroup, chunks, data, dense, selection);
        Vector vector = new VectorAssembler(data::get, dense::get).build(node);
        if (vector.length() != (selection == null ? rows : selection.count())) {
            throw ParquetMetadata.corrupt(footer.path(), "column " + name + " has " + vector.length()
                    + " values in a row group of " + rows + " rows");
        }
        return vector;
    }

    private void loadLeaves(ParquetNode node, RowGroup rowGroup, Map<Integer, byte[]> chunks,
            Map<Integer, ColumnData> data, Map<Integer, Vector> dense, RowSelection selection) {
        switch (node) {
            case ParquetNode.Primitive primitive -> {
                if (data.containsKey(primitive.column())) {
                    return;
                }
                ColumnMetaData meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
                byte[] chunk = chunks.remove(primitive.column());
                ColumnData decoded = new ColumnChunkDecoder(footer.path(), primitive, meta)
                        .decode(chunk, rowGroup.getNum_rows(), selection);
                data.put(primitive.column(), decoded);
                dense.put(primitive.column(), DenseVectors.of(footer.path(), primitive, decoded.values()));
            }
            case ParquetNode.Struct struct -> struct.children().forEach(child -> loadLeaves(child, rowGroup, chunks, data,
                    dense, selection));
            case ParquetNode.ListNode list -> loadLeaves(list.element(), rowGroup, chunks, data, dense, selection);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
