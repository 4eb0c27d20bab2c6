package dev.floe.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query result in engine-neutral form, column names plus rows of Java values (String, Long, Double, LocalDate,
 * null), so results of Floe and of peers can be compared with the reference answers.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw FloeException.invalidArgument("row " + i + " has " + row.size() + " values for "
                        + columns.size() + " columns " + columns);
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** The rows of Floe batches, values as {@link dev.floe.core.vector.Vector#getObject} gives them. */
    public static ResultTable fromBatches(Schema schema, List<Batch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            if (!batch.schema().names().equals(schema.names())) {
                throw FloeException.invalidArgument("batch columns " + batch.schema().names()
                        + " differ from the result's " + schema.names());
            }
            for (int row = 0; row < batch.rowCount(); row++) {
                List<Object> values = new ArrayList<>(batch.columnCount());
                for (int column = 0; column < batch.columnCount(); column++) {
                    values.add(batch.column(column).getObject(row));
                }
                rows.add(values);
            }
        }
        return new ResultTable(schema.names(), rows);
    }

    public int rowCount() {
        return rows.size();
    }

    /** Reads a result in the answer CSV format. */
    public static ResultTable readCsv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return AnswerCsv.read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "result file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes this result in the answer CSV format. */
    public void writeCsv(Path file) {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AnswerCsv.write(writer, this);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** This result in the answer CSV format. */
    public String toCsv() {
        StringWriter writer = new StringWriter();
        try {
            AnswerCsv.write(writer, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }
}
