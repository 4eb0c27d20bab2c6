package dev.floe.io.parquet.write;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.io.dataset.HivePartitions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a table as a directory of Parquet files: split into {@code files} parts written in parallel, or with
 * {@code partitionBy} columns one file per hive partition ({@code key=value/} directories, values
 * percent-encoded, nulls as {@code __HIVE_DEFAULT_PARTITION__}; the partition columns are not stored in the files).
 */
public final class ParquetDatasetWriter {
    private ParquetDatasetWriter() {
    }

    /** Writes one file of a dataset: its name relative to the dataset's directory, its schema and rows. */
    @FunctionalInterface
    public interface PartWriter {
        void write(String relativeName, Schema schema, List<Batch> batches);
    }

    /** Writes the batches and returns the files written, in partition (first-seen) or part order. */
    public static List<Path> write(Path directory, Schema schema, List<Batch> batches, List<String> partitionBy,
            int files, ParquetWriteOptions options, int threads) {
        List<Path> written = new ArrayList<>();
        for (String name : write(schema, batches, partitionBy, files, threads,
                (relative, fileSchema, parts) -> ParquetWriter.write(directory.resolve(relative), fileSchema, parts,
                        options))) {
            written.add(directory.resolve(name));
        }
        return written;
    }

    /**
     * Splits the batches into the dataset's files and hands each to {@code writer} on {@code threads} threads;
     * returns the relative names written, in partition (first-seen) or part order.
     */
    public static List<String> write(Schema schema, List<Batch> batches, List<String> partitionBy, int files,
            int threads, PartWriter writer) {
        if (files <= 0 || threads <= 0) {
            throw FloeException.invalidArgument("files and threads must be positive, got " + files + " and " + threads);
        }
        Map<String, List<Batch>> outputs = partitionBy.isEmpty() ? split(batches, files)
                : partition(schema, batches, partitionBy);
        Schema fileSchema = schema;
        if (!partitionBy.isEmpty()) {
            List<Field> kept = new ArrayList<>();
            for (Field field : schema.fields()) {
                if (!partitionBy.contains(field.name())) {
                    kept.add(field);
                }
            }
            fileSchema = new Schema(kept);
        }
        List<String> written = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, outputs.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            Schema finalSchema = fileSchema;
            for (Map.Entry<String, List<Batch>> output : outputs.entrySet()) {
                written.add(output.getKey());
                futures.add(pool.submit(() -> writer.write(output.getKey(), finalSchema, output.getValue())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "writing a Parquet dataset was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FloeException floe) {
                throw floe;
            }
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write a Parquet dataset: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdown();
        }
        return written;
    }

    private static Map<String, List<Batch>> split(List<Batch> batches, int files) {
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        long perFile = Math.max(1, (total + files - 1) / files);
        Map<String, List<Batch>> outputs = new LinkedHashMap<>();
        int part = 0;
        long inPart = 0;
        for (Batch batch : batches) {
            int offset = 0;
            while (offset < batch.rowCount()) {
                int take = (int) Math.min(batch.rowCount() - offset, perFile - inPart);
                outputs.computeIfAbsent(partName(part), k -> new ArrayList<>()).add(batch.slice(offset, take));
                offset += take;
                inPart += take;
                if (inPart == perFile) {
                    part++;
                    inPart = 0;
                }
            }
        }
        return outputs;
    }

    private static String partName(int part) {
        return "part-%05d.parquet".formatted(part);
    }

    private static Map<String, List<Batch>> partition(Schema schema, List<Batch> batches, List<String> partitionBy) {
        int[] keyColumns = new int[partitionBy.size()];
        for (int i = 0; i < keyColumns.length; i++) {
            keyColumns[i] = schema.require(partitionBy.get(i));
        }
        int[] fileColumns = new int[schema.size() - keyColumns.length];
        int next = 0;
        for (int c = 0; c < schema.size(); c++) {
            final int column = c;
            if (Arrays.stream(keyColumns).noneMatch(k -> k == column)) {
                fileColumns[next++] = c;
            }
        }
        List<Field> kept = new ArrayList<>();
        for (int c : fileColumns) {
            kept.add(schema.field(c));
        }
        Schema fileSchema = new Schema(kept);
        Map<String, List<Batch>> outputs = new LinkedHashMap<>();
        for (Batch batch : batches) {
            Map<String, int[]> rowsByKey = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            String[] keys = new String[batch.rowCount()];
            for (int row = 0; row < batch.rowCount(); row++) {
                StringBuilder key = new StringBuilder();
                for (int k = 0; k < keyColumns.length; k++) {
                    Object value = batch.column(keyColumns[k]).getObject(row);
                    key.append(encode(partitionBy.get(k))).append('=')
                            .append(value == null ? HivePartitions.DEFAULT_PARTITION : encode(value.toString()))
                            .append('/');
                }
                keys[row] = key.toString();
                counts.merge(keys[row], 1, Integer::sum);
            }
            Map<String, Integer> filled = new LinkedHashMap<>();
            for (int row = 0; row < batch.rowCount(); row++) {
                int[] rows = rowsByKey.computeIfAbsent(keys[row], k -> new int[counts.get(k)]);
                int position = filled.merge(keys[row], 1, Integer::sum) - 1;
                rows[position] = row;
            }
            for (Map.Entry<String, int[]> entry : rowsByKey.entrySet()) {
                List<Vector> columns = new ArrayList<>(fileColumns.length);
                for (int c : fileColumns) {
                    columns.add(batch.column(c).take(entry.getValue(), entry.getValue().length));
                }
                outputs.computeIfAbsent(entry.getKey() + partName(0), k -> new ArrayList<>())
                        .add(new Batch(fileSchema, columns, entry.getValue().length));
            }
        }
        return outputs;
    }

    /** Percent-encodes every byte of the UTF-8 form but letters, digits and {@code - _ . ~}. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
