package dev.floe.io.parquet.write;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.parquet.ParquetMetadata;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;

/**
 * Writes batches to one Parquet file: rows are buffered into row groups of {@code rowGroupSize}, each column
 * chunk dictionary- or plain-encoded into v1 data pages and compressed, and the footer (format 2 logical types,
 * min/max statistics, column orders) written on {@link #close()}. Flat columns only.
 */
public final class ParquetWriter implements AutoCloseable {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    /** Where the bytes go, for messages: a path, an s3:// location or a description of the stream. */
    private final String target;
    private final Schema schema;
    private final ParquetWriteOptions options;
    private final List<SchemaElement> elements;
    private final OutputStream out;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private final List<Batch> pending = new ArrayList<>();
    private int pendingRows;
    private long position;
    private long totalRows;
    private boolean closed;

    private ParquetWriter(OutputStream output, String target, Schema schema, ParquetWriteOptions options) {
        this.target = target;
        this.schema = schema;
        this.options = options;
        this.elements = new ArrayList<>();
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(schema.size());
        elements.add(root);
        for (Field field : schema.fields()) {
            elements.add(ParquetColumnTypes.element(field));
        }
        this.out = output;
        try {
            out.write(MAGIC);
            position = MAGIC.length;
        } catch (IOException e) {
            throw ColumnChunkWriter.failure(target, e);
        }
    }

    /** Opens {@code path} for writing (replacing it) with the given schema. */
    public static ParquetWriter open(Path path, Schema schema, ParquetWriteOptions options) {
        OutputStream output;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            output = Files.newOutputStream(path);
        } catch (IOException e) {
            throw ColumnChunkWriter.failure(path.toString(), e);
        }
        return open(output, path.toString(), schema, options);
    }

    /**
     * A writer to a stream (a local file, or an object store's upload stream), closed with the writer;
     * {@code target} names the destination in messages.
     */
    public static ParquetWriter open(OutputStream output, String target, Schema schema, ParquetWriteOptions options) {
        return new ParquetWriter(new BufferedOutputStream(output, 1 << 16), target, schema, options);
    }

    /** Writes all batches to a stream and closes it. */
    public static void write(OutputStream output, String target, Schema schema, Iterator<Batch> batches,
            ParquetWriteOptions options) {
        try (ParquetWriter writer = open(output, target, schema, options)) {
            while (batches.hasNext()) {
                writer.writeBatch(batches.next());
            }
        }
    }

    /** Writes all batches and closes the file. */
    public static void write(Path path, Schema schema, Iterator<Batch> batches, ParquetWriteOptions options) {
        try (ParquetWriter writer = open(path, schema, options)) {
            while (batches.hasNext()) {
                writer.writeBatch(batches.next());
            }
        }
    }

    public static void write(Path path, Schema schema, List<Batch> batches, ParquetWriteOptions options) {
        write(path, schema, batches.iterator(), options);
    }

    public void writeBatch(Batch batch) {
        if (closed) {
            throw FloeException.invalidArgument("the Parquet writer for " + target + " is closed");
        }
        if (!batch.schema().types().equals(schema.types())) {
            throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "a batch of " + batch.schema()
                    + " cannot be written to " + target + " opened with " + schema);
        }
        if (batch.rowCount() == 0) {
            return;
        }
        pending.add(batch);
        pendingRows += batch.rowCount();
        while (pendingRows >= options.rowGroupSize()) {
            flushRowGroup(options.rowGroupSize());
        }
    }

    /** Writes {@code rows} buffered rows as one row group. */
    private void flushRowGroup(int rows) {
        List<Vector> columns = new ArrayList<>(schema.size());
        List<Batch> rest = new ArrayList<>();
        int taken = 0;
        List<Batch> used = new ArrayList<>();
        for (Batch batch : pending) {
            if (taken >= rows) {
                rest.add(batch);
                continue;
            }
            int take = Math.min(batch.rowCount(), rows - taken);
            used.add(batch.slice(0, take));
            if (take < batch.rowCount()) {
                rest.add(batch.slice(take, batch.rowCount() - take));
            }
            taken += take;
        }
        for (int c = 0; c < schema.size(); c++) {
            List<Vector> parts = new ArrayList<>(used.size());
            for (Batch batch : used) {
                parts.add(batch.column(c));
            }
            columns.add(Vectors.concat(schema.field(c).type(), parts));
        }
        pending.clear();
        pending.addAll(rest);
        pendingRows -= taken;
        List<ColumnChunk> chunks = new ArrayList<>(schema.size());
        long groupStart = position;
        long uncompressed = 0;
        try {
            for (int c = 0; c < schema.size(); c++) {
                CountingStream counting = new CountingStream(out);
                ColumnChunk chunk = ColumnChunkWriter.write(columns.get(c), elements.get(c + 1), options, counting,
                        position);
                position += counting.count;
                uncompressed += chunk.getMeta_data().getTotal_uncompressed_size();
                chunks.add(chunk);
            }
        } catch (IOException e) {
            throw ColumnChunkWriter.failure(target, e);
        }
        RowGroup group = new RowGroup(chunks, uncompressed, taken);
        group.setFile_offset(groupStart);
        group.setTotal_compressed_size(position - groupStart);
        group.setOrdinal((short) rowGroups.size());
        rowGroups.add(group);
        totalRows += taken;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pendingRows > 0) {
                flushRowGroup(pendingRows);
            }
            FileMetaData footer = new FileMetaData(1, elements, totalRows, rowGroups);
            footer.setCreated_by("Floe");
            List<ColumnOrder> orders = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) {
                orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
            }
            footer.setColumn_orders(orders);
            String hints = typeHints();
            if (!hints.isEmpty()) {
                footer.setKey_value_metadata(List.of(new KeyValue(ParquetMetadata.FLOE_COLUMN_TYPES_KEY)
                        .setValue(hints)));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Util.writeFileMetaData(footer, bytes);
            bytes.writeTo(out);
            int length = bytes.size();
            out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
            out.write(MAGIC);
            out.close();
        } catch (IOException e) {
            throw ColumnChunkWriter.failure(target, e);
        }
    }

    /** Durations and zoned datetimes, which the Parquet types cannot carry exactly, for Floe's reader. */
    private String typeHints() {
        StringBuilder out = new StringBuilder();
        for (Field field : schema.fields()) {
            if (field.type() instanceof DataType.DurationType duration) {
                out.append(field.name()).append("\tduration\t").append(unitName(duration.unit())).append('\n');
            } else if (field.type() instanceof DataType.DatetimeType datetime && datetime.timeZone() != null) {
                out.append(field.name()).append("\tdatetime\t").append(unitName(datetime.unit())).append('\t')
                        .append(datetime.timeZone()).append('\n');
            }
        }
        return out.toString();
    }

    private static String unitName(dev.floe.core.types.TimeUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> "ms";
            case MICROSECONDS -> "us";
            case NANOSECONDS -> "ns";
        };
    }

    /** Counts the bytes a column chunk writes, to track file offsets. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream target;
        private long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
            count += length;
        }
    }
}
