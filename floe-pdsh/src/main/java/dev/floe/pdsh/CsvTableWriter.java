package dev.floe.pdsh;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * Writes generated tables as CSV (header, {@code ,}, RFC 4180 quoting, dates YYYY-MM-DD): a stand-in format for
 * feeding peers such as DuckDB while no Parquet writer is at hand. Generated tables have no nulls.
 */
public final class CsvTableWriter implements TableWriter {
    @Override
    public void write(Path file, Schema schema, Iterator<Batch> batches) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (int column = 0; column < schema.size(); column++) {
                if (column > 0) {
                    out.write(',');
                }
                out.write(schema.field(column).name());
            }
            out.write('\n');
            while (batches.hasNext()) {
                writeBatch(out, batches.next());
            }
        }
    }

    private static void writeBatch(Writer out, Batch batch) throws IOException {
        int columns = batch.columnCount();
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int column = 0; column < columns; column++) {
                if (column > 0) {
                    out.write(',');
                }
                writeValue(out, batch.column(column), row);
            }
            out.write('\n');
        }
    }

    private static void writeValue(Writer out, Vector vector, int row) throws IOException {
        if (vector.isNull(row)) {
            return;
        }
        switch (vector) {
            case LongVector longs -> out.write(Long.toString(longs.get(row)));
            case DoubleVector doubles -> out.write(Double.toString(doubles.get(row)));
            case IntVector ints when ints.type() instanceof DataType.DateType ->
                    out.write(LocalDate.ofEpochDay(ints.get(row)).toString());
            case IntVector ints -> out.write(Integer.toString(ints.get(row)));
            case BytesVector bytes -> AnswerCsv.writeField(out, bytes.getString(row));
            case BooleanVector _, Int128Vector _, ListVector _, StructVector _, NullVector _ ->
                    AnswerCsv.writeField(out, String.valueOf(vector.getObject(row)));
        }
    }

    @Override
    public String fileExtension() {
        return "csv";
    }
}
