package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.storage.ByteRange;
import dev.floe.io.storage.InputFile;
import dev.floe.io.storage.VersionedCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * A Parquet file's footer, validated and translated: the Floe schema, the column tree, row groups and codecs.
 * This is the inspection API ({@code floe schema FILE}) as well as what the reader plans with.
 */
public record ParquetMetadata(String path, long fileSize, FileMetaData footer, List<ParquetNode> columns,
        Schema schema) {
    /** The footer key under which Floe records types Parquet cannot express (durations, time zones). */
    public static final String FLOE_COLUMN_TYPES_KEY = ArrowSchemaHints.FLOE_TYPES_KEY;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FOOTER = 256 * 1024 * 1024;

    /** Bytes fetched from the end of a file in one request; longer footers take one more read. */
    static final int TAIL_GUESS = 64 * 1024;

    /**
     * Parsed footers by location and content version: the optimizer's statistics, the execution and each worker
     * task of a query read the same footers, and a changed file (new length, time or ETag) is read again.
     */
    public static final VersionedCache<ParquetMetadata> FOOTERS = new VersionedCache<>(2048);

    /** Reads and checks the footer of the local Parquet file at {@code path}. */
    public static ParquetMetadata read(String path) {
        return read(path, Map.of());
    }

    /**
     * Reads and checks the footer of the Parquet file or object at {@code location}, with the storage options
     * ({@code aws_*}) among {@code options}.
     */
    public static ParquetMetadata read(String location, Map<String, String> options) {
        try (InputFile file = ParquetFiles.open(location, options)) {
            return FOOTERS.get(location, file.version(), () -> read(file));
        }
    }

    /** Reads the footer through an open file: one tail read (the last 64 KiB), then the rest if longer. */
    static ParquetMetadata read(InputFile file) {
        String path = file.location();
        byte[] tailBytes = file.readTail(TAIL_GUESS);
        long size = file.length();
        if (size < 12) {
            throw corrupt(path, "the file has " + size + " bytes, too small to be a Parquet file (a Parquet file "
                    + "has at least 12: magic, footer length, magic)");
        }
        int t = tailBytes.length - 8;
        if (!matchesMagic(tailBytes, t + 4)) {
            throw corrupt(path, "the file does not end with the Parquet magic bytes PAR1 (it is not a Parquet file, "
                    + "or it is truncated)");
        }
        long footerLength = (tailBytes[t] & 0xFFL) | (tailBytes[t + 1] & 0xFFL) << 8 | (tailBytes[t + 2] & 0xFFL) << 16
                | (tailBytes[t + 3] & 0xFFL) << 24;
        if (footerLength <= 0 || footerLength > size - 12 || footerLength > MAX_FOOTER) {
            throw corrupt(path, "the footer length " + footerLength + " points outside the file of " + size
                    + " bytes");
        }
        boolean tailHasHead = tailBytes.length == size;
        if (tailHasHead || !ParquetFiles.isRemote(path)) {
            byte[] head = tailHasHead ? tailBytes : file.read(new ByteRange(0, 4));
            if (!matchesMagic(head, 0)) {
                throw corrupt(path, "the file does not start with the Parquet magic bytes PAR1");
            }
        }
        byte[] footerBytes;
        if (footerLength + 8 <= tailBytes.length) {
            int from = (int) (tailBytes.length - 8 - footerLength);
            footerBytes = java.util.Arrays.copyOfRange(tailBytes, from, tailBytes.length - 8);
        } else {
            footerBytes = file.read(new ByteRange(size - 8 - footerLength, (int) footerLength));
        }
        FileMetaData footer;
        try {
            footer = Util.readFileMetaData(new ByteArrayInputStream(footerBytes));
        } catch (IOException | RuntimeException e) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, path + ": the footer cannot be decoded: " + e.getMessage(), e);
        }
        List<ParquetNode> columns = ParquetSchemaReader.read(path, footer.getSchema(),
                ArrowSchemaHints.read(footer.getKey_value_metadata()));
        List<Field> fields = new ArrayList<>(columns.size());
        for (ParquetNode column : columns) {
            fields.add(Field.of(column.name(), column.type()));
        }
        ParquetMetadata metadata = new ParquetMetadata(path, size, footer, List.copyOf(columns), new Schema(fields));
        metadata.validateRowGroups();
        return metadata;
    }

    private void validateRowGroups() {
        int leaves = leafCount();
        long dataEnd = fileSize - 8;
        for (int g = 0; g < rowGroups().size(); g++) {
            RowGroup group = rowGroups().get(g);
            if (group.getNum_rows() < 0 || group.getColumns() == null || group.getColumns().size() != leaves) {
                throw corrupt(path, "row group " + g + " has " + group.getNum_rows() + " rows and "
                        + (group.getColumns() == null ? 0 : group.getColumns().size()) + " column chunks for "
                        + leaves + " leaf columns");
            }
            for (ColumnChunk chunk : group.getColumns()) {
                if (!chunk.isSetMeta_data()) {
                    throw corrupt(path, "row group " + g + " has a column chunk without metadata (encrypted or "
                            + "external chunks are not supported)");
                }
                var meta = chunk.getMeta_data();
                long start = chunkStart(meta);
                long length = meta.getTotal_compressed_size();
                if (start < 4 || length < 0 || start + length > dataEnd) {
                    throw corrupt(path, "column chunk " + meta.getPath_in_schema() + " of row group " + g
                            + " spans bytes " + start + ".." + (start + length) + " outside the data of the file ("
                            + fileSize + " bytes)");
                }
            }
        }
    }

    static long chunkStart(org.apache.parquet.format.ColumnMetaData meta) {
        long start = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
                && meta.getDictionary_page_offset() < start) {
            start = meta.getDictionary_page_offset();
        }
        return start;
    }

    private static boolean matchesMagic(byte[] bytes, int offset) {
        for (int i = 0; i < 4; i++) {
            if (bytes[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static FloeException corrupt(String path, String what) {
        return new FloeException(ErrorCode.CORRUPT_FILE, "corrupt Parquet file " + path + ": " + what);
    }

    public long rowCount() {
        return footer.getNum_rows();
    }

    public List<RowGroup> rowGroups() {
        return footer.getRow_groups() == null ? List.of() : footer.getRow_groups();
    }

    public int rowGroupCount() {
        return rowGroups().size();
    }

    public long rowGroupRows(int index) {
        return rowGroups().get(index).getNum_rows();
    }

    public String createdBy() {
        return footer.getCreated_by();
    }

    /** The compression codecs the file's column chunks use, by name (SNAPPY, ZSTD, ...). */
    public Set<String> codecs() {
        Set<String> codecs = new LinkedHashSet<>();
        for (RowGroup group : rowGroups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                codecs.add(chunk.getMeta_data().getCodec().name());
            }
        }
        return codecs;
    }

    /** The compressed bytes of a row group's column chunks. */
    public long rowGroupBytes(int index) {
        long total = 0;
        for (ColumnChunk chunk : rowGroups().get(index).getColumns()) {
            total += chunk.getMeta_data().getTotal_compressed_size();
        }
        return total;
    }

    public int leafCount() {
        int count = 0;
        for (ParquetNode column : columns) {
            count += leaves(column);
        }
        return count;
    }

    private static int leaves(ParquetNode node) {
        return switch (node) {
            case ParquetNode.Primitive p -> 1;
            case ParquetNode.ListNode l -> leaves(l.element());
            case ParquetNode.Struct s -> s.children().stream().mapToInt(ParquetMetadata::leaves).sum();
        };
    }

    /** The top-level column named {@code name}, or null. */
    public ParquetNode column(String name) {
        for (ParquetNode column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        return null;
    }
}
