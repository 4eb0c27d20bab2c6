package dev.floe.plan.codec;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import java.util.ArrayList;
import java.util.List;

/** Scan sources and in-memory batches in the plan codec (batches as typed columns of tagged values). */
final class SourceCodec {
    private SourceCodec() {
    }

    static void writeSource(CodecWriter out, ScanSource source) {
        out.writeByte(source.format().ordinal());
        out.writeStrings(source.paths());
        out.writeStringMap(source.options());
    }

    static ScanSource readSource(CodecReader in) {
        return new ScanSource(in.readEnum(FileFormat.class), in.readStrings(), in.readStringMap());
    }

    static void writeBatches(CodecWriter out, Schema schema, List<Batch> batches) {
        TypeCodec.writeSchema(out, schema);
        out.writeInt(batches.size());
        for (Batch batch : batches) {
            out.writeInt(batch.rowCount());
            for (Vector column : batch.columns()) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    ValueCodec.write(out, column.getObject(row));
                }
            }
        }
    }

    /** The batches of a schema read just before. */
    static List<Batch> readBatches(CodecReader in, Schema schema) {
        int batchCount = in.readCount(4);
        List<Batch> batches = new ArrayList<>(batchCount);
        for (int b = 0; b < batchCount; b++) {
            int rows = in.readCount(schema.size() == 0 ? 0 : schema.size());
            List<Vector> columns = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                List<Object> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    values.add(ValueCodec.read(in));
                }
                columns.add(Vectors.fromObjects(schema.field(c).type(), values));
            }
            batches.add(new Batch(schema, columns, rows));
        }
        return batches;
    }
}
