package dev.floe.io.parquet;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture paths (copied into the test resources) and reading a whole table into one batch. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            Path root = Path.of(Fixtures.class.getClassLoader().getResource("fixtures").toURI());
            return root.resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScanSource source(String relative, Map<String, String> options) {
        return new ScanSource(FileFormat.PARQUET, List.of(path(relative).toString()), options);
    }

    static Batch readAll(TableSource table, ScanRequest request) {
        Schema schema = request.columns() == null ? table.schema() : table.schema().select(request.columns());
        List<List<Vector>> parts = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            parts.add(new ArrayList<>());
        }
        int rows = 0;
        for (ScanTask task : table.plan(request)) {
            try (BatchReader reader = table.open(task, request)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    for (int i = 0; i < schema.size(); i++) {
                        parts.get(i).add(batch.column(i));
                    }
                    rows += batch.rowCount();
                }
            }
        }
        if (rows == 0) {
            return Batch.empty(schema);
        }
        List<Vector> columns = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            columns.add(Vectors.concat(schema.field(i).type(), parts.get(i)));
        }
        return new Batch(schema, columns, rows);
    }

    static Batch readAll(String relative) {
        return readAll(ParquetTableSource.open(source(relative, Map.of())), ScanRequest.all());
    }
}
